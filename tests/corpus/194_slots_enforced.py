# __slots__: instances get fixed slots and no __dict__; other attributes
# are refused, weak references need '__weakref__' in the slots, and the
# slots are cleared in their sorted order when the instance dies.
import sys
import weakref


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


class P:
    __slots__ = ("y", "x")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = P(Noisy("x"), Noisy("y"))
print(p.x.name, p.y.name, type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
try:
    weakref.ref(p)
except TypeError as e:
    print("TypeError:", e)
del p.y
print("y deleted")
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = Noisy("y2")
print(hasattr(p, "y"), hasattr(p, "z"))
del p
print("p deleted")


class W:
    __slots__ = ["value", "__weakref__"]


w = W()
w.value = Noisy("v")
r = weakref.ref(w, lambda ref: print("callback"))
print(r() is w, sys.getrefcount(w))
del w
print("w deleted")


class Base:
    __slots__ = ("a",)


class Child(Base):
    __slots__ = ("b",)


c = Child()
c.a = Noisy("a")
c.b = Noisy("b")
try:
    c.c = 1
except AttributeError as e:
    print("AttributeError:", e)
del c
print("c deleted")

