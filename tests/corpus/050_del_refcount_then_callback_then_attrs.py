# Refcount death: __del__ first, then the object's weakref callbacks, then its attributes die.
import weakref
refs = []
class Obj:
    def __init__(self, name):
        self.name = name
        refs.append(weakref.ref(self, lambda r, n=name: print("  callback", n)))
    def __del__(self):
        print("  __del__", self.name)
top = Obj("top")
top.left = Obj("left")
top.right = Obj("right")
top.right.deep = Obj("deep")
print("del top")
del top
print("end")
