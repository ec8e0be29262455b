# gc.freeze() moves every tracked object to the permanent generation, which collections never examine.
import gc, weakref
gc.disable()
gc.collect()
class Obj:
    pass
a = Obj(); a.me = a
w = weakref.ref(a, lambda r: print("  a freed"))
gc.freeze()
print("count after freeze:", gc.get_count())
del a
print("frozen cycle not collected ->", gc.collect())
print("still alive:", w() is not None)
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
print("collect ->", gc.collect())
print("alive:", w() is not None)
