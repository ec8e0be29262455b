# Printing an int of more than 4300 digits: python3 3.11 refuses with
# ValueError (the script stops there, status 1).
n = 7 ** 6000
print(n.bit_length(), n % 1000)
print("digits:", len(hex(n)) - 2)
print(n)
print("not reached")
