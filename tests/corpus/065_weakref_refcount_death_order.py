# On refcount death, a parent's callback runs before its children die; each child's callback follows its death.
import weakref
refs = []
class Obj:
    def __init__(self, name):
        self.name = name
        refs.append(weakref.ref(self, lambda r, n=name: print("  callback", n)))
root = Obj("root")
root.a = Obj("a")
root.b = [Obj("b0"), Obj("b1")]
root.c = {"k": Obj("c")}
print("del root")
del root
print("end")
