# s = s + s until memory runs out.
s = 'ab'
n = 0
try:
    while True:
        s = s + s
        n += 1
except MemoryError:
    print("MemoryError after doubling", n > 10, "times")
