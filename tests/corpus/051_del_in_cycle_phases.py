# In a collection all weakref callbacks run first, then every __del__, then the objects are cleared.
import gc, weakref
gc.disable()
gc.collect()
refs = []
class Obj:
    def __init__(self, name):
        self.name = name
        refs.append(weakref.ref(self, lambda r, n=name: print("  callback", n)))
    def __del__(self):
        print("  __del__", self.name, "sees peer", self.peer.name)
a = Obj("a"); b = Obj("b"); c = Obj("c")
a.peer = b; b.peer = c; c.peer = a
del a, b, c
print("collect ->", gc.collect())
