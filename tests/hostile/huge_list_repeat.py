# [0] * 10**12 and (1,) * 10**12.
print("start")
try:
    x = [0] * 10**12
except MemoryError:
    print("list: MemoryError")
try:
    t = (1,) * 10**12
except MemoryError:
    print("tuple: MemoryError")
try:
    n = [None] * 10**9
except MemoryError:
    print("None list: MemoryError")
