# sys.getsizeof of instances (56 with a __dict__, 32 + 8 a slot with __slots__), classes, functions, methods, exceptions, weakrefs.
import sys
import weakref


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self): return self.x + self.y


class Slotted:
    __slots__ = ("x", "y")


class Slotted3(Slotted):
    __slots__ = ("z", "__weakref__")


class Error(ValueError): pass


p = Point(1, 2)
print("instance", sys.getsizeof(p), "more attributes", sys.getsizeof(Point(1, 2)))
p.z = "a new attribute"
print("after a new attribute", sys.getsizeof(p))
print("slots", sys.getsizeof(Slotted()), sys.getsizeof(Slotted3()))
print("classes", sys.getsizeof(Point), sys.getsizeof(Slotted), sys.getsizeof(Error), sys.getsizeof(int))
print("functions", sys.getsizeof(Point.norm), sys.getsizeof(lambda: 0), sys.getsizeof(print), sys.getsizeof(len))
print("bound method", sys.getsizeof(p.norm), "[].append", sys.getsizeof([].append))
print("exceptions", sys.getsizeof(ValueError("x")), sys.getsizeof(Error()), sys.getsizeof(StopIteration(1)),
      sys.getsizeof(KeyError("k")), sys.getsizeof(AttributeError("a")))
r = weakref.ref(p)
print("weakref", sys.getsizeof(r), sys.getsizeof(weakref.proxy(p)))
print("module", sys.getsizeof(sys), "object()", sys.getsizeof(object()))
print("iterators", sys.getsizeof(iter([1])), sys.getsizeof(iter({})), sys.getsizeof(iter(set())), sys.getsizeof(iter("ab")))
print("views", sys.getsizeof({}.keys()), sys.getsizeof(map(str, [])), sys.getsizeof(zip()), sys.getsizeof(enumerate([])))
print("shared by every instance", sys.getsizeof(p) == sys.getsizeof(Point("a" * 500, [1] * 500)))
