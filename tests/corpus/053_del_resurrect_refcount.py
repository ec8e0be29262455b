# An object resurrected by __del__ keeps its attributes and weakrefs; its callbacks did not run.
import weakref
rescued = []
class Obj:
    def __init__(self, name):
        self.name = name
        self.child = Child(name + ".child")
    def __del__(self):
        print("  __del__", self.name)
        rescued.append(self)
class Child:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
o = Obj("o")
w = weakref.ref(o, lambda r: print("  callback o"))
del o
print("weakref still alive:", w() is not None, "child:", rescued[0].child.name)
print("drop it again")
rescued.clear()
print("weakref alive:", w() is not None)
print("end")
