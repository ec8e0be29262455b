# OrderedDict: a dict that remembers an order of its own.  move_to_end
# changes that order, not the dict's entries: when it dies, its values are
# freed in the order they were inserted, as a dict frees them.
import gc
import weakref
from collections import OrderedDict


class Value:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "V" + self.name

    def __del__(self):
        print("del", self.name)


od = OrderedDict()
for name in "abcd":
    od[name] = Value(name)
od.move_to_end("a")
od.move_to_end("d", last=False)
print(od)
print(list(od), list(od.values()), next(iter(od.items())))
print(isinstance(od, dict), type(od), len(od), "b" in od, od.get("zz"))
print("-- the OrderedDict dies")
del od

od = OrderedDict(x=1, y=2, z=3)
print(od.popitem(), od.popitem(last=False), od)
od.update([("p", 4), ("q", 5)])
od.setdefault("x", 0)
od["x"] = 9
print(od, od.pop("p"), od.copy(), type(od.copy()))
try:
    od.move_to_end("missing")
except KeyError as e:
    print("KeyError", e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)

a = OrderedDict([(1, "one"), (2, "two")])
b = OrderedDict([(2, "two"), (1, "one")])
print(a == b, a == dict(b), dict(a) == b, a != b, b == {1: "one", 2: "two"})
print(OrderedDict(), repr(OrderedDict(k=[])))
inner = OrderedDict()
inner["self"] = inner
print(inner)
try:
    hash(a)
except TypeError as e:
    print("TypeError", e)

print("-- weak references and a cycle")
gc.collect()
gc.disable()
w = weakref.ref(inner, lambda r: print("callback"))
inner["v"] = Value("in cycle")
del inner
print("collected", gc.collect(), w())
gc.enable()
