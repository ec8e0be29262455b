# A yield-from generator left paused when the script ends.
def inner():
    yield 1
    yield 2

def outer():
    yield from inner()

g = outer()
print(next(g))
h = outer()
print(next(h), next(h))
print("end")
