# A weakref created inside __del__ (refcount death) still gets its callback when the object dies.
import weakref
later = []
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
        later.append(weakref.ref(self, lambda r: print("  callback made in __del__")))
o = Obj("o")
w = weakref.ref(o, lambda r: print("  callback made before"))
print("del o")
del o
print("dead:", later[0]() is None, w() is None)
