# A __del__ that resurrects part of a cycle saves everything it reaches; none of it is counted as collected.
import gc, weakref
gc.disable()
gc.collect()
saved = []
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
        if self.name == "b":
            saved.append(self)
a = Obj("a"); b = Obj("b"); c = Obj("c")
a.next = b; b.next = c; c.next = a
wa = weakref.ref(a, lambda r: print("  callback a"))
lone = Obj("lone"); lone.me = lone
del a, b, c, lone
print("collect ->", gc.collect())
print("saved:", saved[0].name, saved[0].next.name, "wa() is None:", wa() is None)
saved.clear()
print("collect ->", gc.collect())
