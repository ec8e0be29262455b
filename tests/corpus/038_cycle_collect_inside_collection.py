# gc.collect() called from __del__ during a collection returns 0; from a refcount death it really collects.
import gc
gc.disable()
gc.collect()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name, "-> inner collect:", gc.collect())
d = D("in-cycle"); d.me = d
del d
print("outer collect ->", gc.collect())
junk = D("junk"); junk.me = junk
del junk
e = D("plain")
print("del plain")
del e
print("end")
