# Beyond the required subset, Reclaim also runs this: yield from
def inner():
    yield 1
def outer():
    yield from inner()
print(list(outer()))
