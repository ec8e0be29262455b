# ''.join of a list whose total is a hundred gigabytes.
parts = ['a' * 1000000] * 100000
print(len(parts))
s = ''.join(parts)
