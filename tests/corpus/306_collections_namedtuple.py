# namedtuple makes a class at run time.  Its instances are tuples: they
# hash and compare as tuples, free their items right to left when they
# die, and each holds a reference to its class.
import gc
import sys
from collections import namedtuple


class Item:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __del__(self):
        print("del", self.name)


Point = namedtuple("Point", "x y")
Pair = namedtuple("Pair", ["left", "right"])
print(Point, Point.__name__, Point._fields, Point.__doc__, Point.__mro__)
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), p._asdict(), p._replace(y=20))
x, y = p
print(x, y, p == (1, 2), p == Point(1, 2), hash(p) == hash((1, 2)), p < (1, 3), p[:1], isinstance(p, tuple))
print({p: "here"}[(1, 2)], p.count(2), p.index(2), p._fields, type(p))

before = sys.getrefcount(Point)
points = [Point(i, i) for i in range(3)]
print("class refs held by three points:", sys.getrefcount(Point) - before)
del points
print("after they die:", sys.getrefcount(Point) - before)

print("-- a pair dies: right to left, as a tuple")
pair = Pair(Item("L"), Item("R"))
a = Item("A")
held = Pair(a, 0)
print(sys.getrefcount(a), held.left)
del pair
print("-- a cycle through a named tuple")
gc.collect()
gc.disable()
box = []
node = Pair(box, Item("in cycle"))
box.append(node)
print(gc.is_tracked(node), gc.is_tracked(Point(1, 2)))
del box, node
print("collected", gc.collect())
gc.enable()

for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2),
            lambda: p._replace(z=1), lambda: namedtuple("P", "x _y"), lambda: namedtuple("P", "x x"),
            lambda: namedtuple("P", "x def"), lambda: namedtuple("1P", "x")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    p.z = 5
except AttributeError as e:
    print("AttributeError", e)
