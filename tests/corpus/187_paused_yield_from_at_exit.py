# Generators paused inside a yield from when the script ends are closed at
# exit, inner ones through their outer ones, with their finally blocks.
def inner(name):
    try:
        yield name + ' 1'
        yield name + ' 2'
    finally:
        print('inner', name, 'closed')


def outer(name):
    try:
        yield from inner(name)
    finally:
        print('outer', name, 'closed')


g = outer('g')
print(next(g))
h = outer('h')
print(next(h), next(h))
chain = [outer(str(i)) for i in range(3)]
for c in chain:
    next(c)
print('end')
