# weakref.proxy forwards str, len, items, in, iteration, operators, comparisons, bool and calls to its referent
import weakref
class Box:
    def __init__(self, name, items):
        self.name = name
        self.items = items
    def __repr__(self): return "Box(" + self.name + ")"
    def __str__(self): return "box " + self.name
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __iter__(self): return iter(self.items)
    def __add__(self, other): return Box(self.name + "+", self.items + [other])
    def __radd__(self, other): return "radd " + str(other)
    def __lt__(self, other): return len(self.items) < other
    def __eq__(self, other): return other == self.name
    def __neg__(self): return Box("-" + self.name, self.items[::-1])
    def __call__(self, x): return x * 2
b = Box("b", [1, 2, 3])
p = weakref.proxy(b)
print(str(p), f"{p}", "%s" % p, len(p), p[0], p[-1], 2 in p, 9 in p, list(p), sorted(p, reverse=True))
p[1] = 20
del p[2]
print(b.items, p.items is b.items, p.name)
print(p + 4, 1 + p, p < 5, p == "b", p != "b", -p, p(21), bool(p), not p)
print(type(p).__name__, type(p) is weakref.CallableProxyType, isinstance(p, Box), isinstance(p, weakref.ProxyTypes))
print(repr(p).startswith("<weakproxy at "), repr(p).split(" to ")[1].split(" at ")[0])
for bad in [lambda: hash(p), lambda: {p: 1}, lambda: p[7], lambda: len(weakref.proxy(Box))]:
    try:
        bad()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
