# namedtuple's defaults= (held by the class, as __new__.__defaults__ holds
# them in python3, and by _field_defaults), rename=, module=, _make, and
# the fields read from the class: _tuplegetter descriptors.
import sys
from collections import namedtuple


class Tag:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __del__(self):
        print("del", self.name)


Point = namedtuple("Point", "x y z", defaults=[0, Tag("origin")])
print(Point._field_defaults, Point._fields)
print(Point(1), Point(1, 2), Point(1, 2, 3), Point(x=5, z=6))
for call in [lambda: Point(), lambda: Point(1, 2, 3, 4), lambda: Point(y=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
p = Point(7)
print(p._fields, p._field_defaults is Point._field_defaults, p.z)
print(namedtuple("All", "a b", defaults=(1, 2))(), namedtuple("No", "a", defaults=None)._field_defaults)
try:
    namedtuple("Bad", "a", defaults=[1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    namedtuple("Bad", "a", defaults=5)
except TypeError as e:
    print("TypeError:", e)

print("-- rename")
R = namedtuple("R", ["abc", "def", "ghi", "abc", "_x", "9", "ok"], rename=True)
print(R._fields)
print(namedtuple("S", "a b", rename=False)._fields)
for fields in [["_a", "class"], ["a", "a"], ["a", "_b"]]:
    try:
        namedtuple("T", fields)
    except ValueError as e:
        print("ValueError:", e)

print("-- module")
M = namedtuple("M", "a", module="shapes")
print(M, M.__module__, Point.__module__)

print("-- _make")
print(Point._make([1, 2, 3]), Point._make(range(3)), p._make("abc"))
try:
    Point._make([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    Point._make([1, 2], 3)
except TypeError as e:
    print("TypeError:", e)
print(Point._make)

print("-- fields read from the class")
print(Point.x, Point.z)
print(Point.y.__doc__, type(Point.x).__name__)
print([name for name in vars(Point) if name in Point._fields], vars(Point)["x"] is Point.x)
print("-- what the defaults hold")
del p
d = Tag("d")
before = sys.getrefcount(d)
N = namedtuple("N", "a", defaults=[d])
print("held by N:", sys.getrefcount(d) - before)
n = N()
print("and by an instance:", sys.getrefcount(d) - before, n.a is d)
del n, d
print("dropping N")
del N
import gc
gc.collect()
print("-- the end")
