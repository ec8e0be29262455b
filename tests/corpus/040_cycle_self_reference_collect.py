# A self-referencing instance is not freed by del; gc.collect() frees it and returns 1.
import gc, weakref
gc.disable()
gc.collect()
class Loop:
    pass
a = Loop()
a.me = a
w = weakref.ref(a, lambda r: print("  a freed"))
del a
print("after del, alive:", w() is not None)
print("collect ->", gc.collect())
print("alive:", w() is not None)
print("collect again ->", gc.collect())
