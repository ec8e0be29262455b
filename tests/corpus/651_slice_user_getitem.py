# A class's own __getitem__, __setitem__ and __delitem__ are given slice
# objects for a[x:y], a[::z] and a[x:y, z] (a tuple holding a slice), as
# python3 builds them; a slice the method keeps keeps its bounds alive.
import sys

class Grid:
    def __init__(self):
        self.cells = list(range(8))
        self.last = None
    def __getitem__(self, key):
        print("getitem", key)
        self.last = key
        if isinstance(key, tuple):
            rows, col = key
            return [self.cells[r] * col for r in range(*rows.indices(len(self.cells)))]
        return self.cells[key]
    def __setitem__(self, key, value):
        print("setitem", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("delitem", key)
        del self.cells[key]

g = Grid()
print(g[1:3])
print(g[::3])
print(g[5])
print(g[1:4, 10])
print(g[:, 2][:3])
g[1:3] = ["a", "b", "c"]
print(g.cells)
g[::4] = [None, None, None]
print(g.cells)
del g[::3]
print(g.cells)
del g[-2:]
print(g.cells)

class Echo:
    def __getitem__(self, key):
        return key
e = Echo()
print(e[1:2], e[:], e[::], e[1:2:3], e[:, ::-1], e[1:2, 3])

# an object used as a bound: held by the slice while the subscript runs,
# and afterwards by whoever keeps the slice
class Index:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
    def __repr__(self):
        return "Index(%d)" % self.n
    def __del__(self):
        print("del Index", self.n)

class Peek:
    def __getitem__(self, key):
        print("bound refs", sys.getrefcount(key.start), "slice refs", sys.getrefcount(key))
        return key

i = Index(1)
print(sys.getrefcount(i))
kept = Peek()[i:3]
print(sys.getrefcount(i), kept)
del i
print("Index(1) lives in the slice:", kept.start)
del kept
print("--")
print(Peek()[Index(2):])
print("--")
# a list slices with __index__ bounds the same way
print(["a", "b", "c", "d"][Index(1):Index(3)])
print("--")

# a class based on list with its own __getitem__ reaches the list's
class Logged(list):
    def __getitem__(self, key):
        print("Logged[", key, "]")
        return super().__getitem__(key)
    def __delitem__(self, key):
        print("del Logged[", key, "]")
        super().__delitem__(key)
    def __setitem__(self, key, value):
        print("Logged[", key, "] =", value)
        super().__setitem__(key, value)

lg = Logged([1, 2, 3, 4, 5])
print(lg[1:3], lg[-1], type(lg[1:3]).__name__)
lg[:2] = [9]
del lg[::2]
print(lg)

# a class based on list without them slices as a list
class Plain(list):
    pass
p = Plain([1, 2, 3, 4])
print(p[1:], type(p[1:]).__name__)
p[1:3] = "xy"
del p[:1]
print(p)

class NoItems:
    pass
for attempt in [lambda: NoItems()[1:2], lambda: NoItems()[1:2, 3]]:
    try:
        attempt()
    except TypeError as err:
        print("TypeError", err)
try:
    NoItems()[1:2] = 3
except TypeError as err:
    print("TypeError", err)
try:
    del NoItems()[1:2]
except TypeError as err:
    print("TypeError", err)
