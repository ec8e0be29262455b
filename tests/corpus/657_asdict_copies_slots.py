# asdict() deep-copies an instance as copyreg's __reduce_ex__ does: its
# __dict__ and the slots that hold a value; the class keeps __slotnames__.
import gc
from dataclasses import dataclass, asdict

class Plain:
    def __init__(self):
        self.x = [1]

class Point:
    __slots__ = ("x", "y", "__weakref__")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

class Point3(Point):
    __slots__ = "z"

class Empty:
    pass

@dataclass
class Holder:
    a: object
    b: object
    c: object
    d: object

p3 = Point3(1, [2])
p3.z = 3
half = Point3(5, 6)
h = Holder(Plain(), p3, half, Empty())
print("__slotnames__" in vars(Plain), "__slotnames__" in vars(Point3))
d = asdict(h)
print(d["b"], d["b"].z, d["b"] is p3, d["a"].x, d["a"].x is h.a.x, type(d["d"]).__name__)
print(vars(Plain).get("__slotnames__"), Point3.__dict__.get("__slotnames__"), "__slotnames__" in vars(Point), vars(Empty)["__slotnames__"])
print(asdict(Holder(1, 2, half, 4))["c"])
