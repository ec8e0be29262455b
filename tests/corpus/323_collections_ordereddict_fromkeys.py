# OrderedDict.fromkeys is a classmethod, on the class or an instance: a
# new OrderedDict whose keys all hold the one value given.
import sys
from collections import OrderedDict


class Key:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __del__(self):
        print("del", self.name)


print(OrderedDict.fromkeys("abc"))
print(OrderedDict.fromkeys("ab", 1), OrderedDict().fromkeys([3], value=0))
print(OrderedDict.fromkeys(iterable=range(2)), type(OrderedDict.fromkeys("")).__name__)
shared = []
before = sys.getrefcount(shared)
od = OrderedDict.fromkeys([Key("x"), Key("y"), Key("z")], shared)
print("the value is held", sys.getrefcount(shared) - before, "times")
od.move_to_end(list(od)[0])
od[list(od)[0]].append(1)
print(od)
for call in [lambda: OrderedDict.fromkeys(), lambda: OrderedDict.fromkeys(1),
             lambda: OrderedDict.fromkeys(1, 2, 3), lambda: OrderedDict.fromkeys([[]])]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print("-- the keys go in the order they were put in")
del od
print("-- the end")
