# Containers nested past the recursion limit: repr, str, == and < raise
# RecursionError with CPython's message; hashing a deep tuple does not
# recurse in CPython and gives its hash.
x = []
y = []
d = {}
t = ()
for i in range(3000):
    x = [x]
    y = [y]
    d = {i: d}
    t = (t,)

for name, f in [("repr", lambda: repr(x)), ("str", lambda: str(d)), ("print tuple", lambda: '%s' % (t,)),
                ("==", lambda: x == y), ("<", lambda: x < y), ("sorted", lambda: sorted([x, y])),
                ("in", lambda: y in [x])]:
    try:
        f()
        print(name, "no error")
    except RecursionError as e:
        print(name, "RecursionError:", e)

print(hash(t) == hash(t), len({t: 1, t: 2}))
shallow = [[[1]]]
print(repr(shallow), shallow == [[[1]]], shallow < [[[2]]])
print(((),), hash(((),)) == hash(((),)), {((), 1): 'a'}[((), 1)])


def nested(depth):
    if depth == 0:
        return repr(x)
    return nested(depth - 1)


try:
    nested(10)
except RecursionError as e:
    print("through calls:", e)
print("done")
