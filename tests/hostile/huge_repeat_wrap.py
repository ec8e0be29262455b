# A count past 2**32 must not wrap to a small list.
try:
    x = [0] * (2**32)
    print(len(x))
except MemoryError:
    print("MemoryError")
try:
    y = [7] * (2**32 + 1)
    print(len(y))
except MemoryError:
    print("MemoryError")
