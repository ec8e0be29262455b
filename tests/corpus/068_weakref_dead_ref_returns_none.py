# A dead weakref returns None from then on; rebinding the only name kills the object at once.
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
o = Obj("o")
r = weakref.ref(o)
print("alive:", r().name)
del o
print("dead:", r())
print("still dead:", r() is None)
p = Obj("p")
r2 = weakref.ref(p)
p = Obj("p2")
print("rebinding the name killed it:", r2() is None)
print("new object has", weakref.getweakrefcount(p), "weakrefs")
