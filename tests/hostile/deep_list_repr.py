# repr() of a list nested 100,000 deep: RecursionError, and what was
# printed before it is not lost.
x = []
for i in range(100000):
    x = [x]
print("built")
print(repr(x))
