# 'a' * 10**12 asks for a terabyte.
print("start")
try:
    s = 'a' * 10**12
except MemoryError:
    print("MemoryError")
s = 'a' * 10**12
