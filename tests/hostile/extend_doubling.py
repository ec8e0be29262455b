# x.extend(x) in a loop until memory runs out.
x = [0]
try:
    while True:
        x.extend(x)
except MemoryError:
    print("MemoryError", len(x) > 1000)
