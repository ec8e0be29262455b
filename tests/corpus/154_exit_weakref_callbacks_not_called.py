# At exit, weakref callbacks stored in globals do not run (the weakrefs die with the globals); __del__ does.
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
a = Obj("a")
w = weakref.ref(a, lambda r: print("  callback (not printed at exit)"))
b = Obj("b")
wb = weakref.ref(b, lambda r: print("  callback b (printed: b dies before exit)"))
del b
print("end of script")
