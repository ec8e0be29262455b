# yield from passes sent values to the inner generator and evaluates to its return value.
def inner():
    received = yield "first"
    yield received * 2
    return "inner done"
def outer():
    result = yield from inner()
    print("inner returned", result)
    yield "last"
g = outer()
print(next(g), g.send(21), next(g))
def gives():
    yield 1
    return 5
it = gives()
next(it)
try:
    next(it)
except StopIteration as stop:
    print("StopIteration value:", stop.value)
