# An exception in a weakref callback is reported on stderr and ignored; later callbacks still run.
import weakref
class Obj:
    pass
def bad(r):
    print("  bad callback")
    raise RuntimeError("callback failed")
o = Obj()
w1 = weakref.ref(o, lambda r: print("  older callback"))
w2 = weakref.ref(o, bad)
print("del o")
del o
print("end")
