# Unfrozen objects land in generation 2: young collections skip them, a full collection frees them.
import gc, weakref
gc.disable()
gc.collect()
class Obj:
    pass
x = Obj(); x.me = x
w = weakref.ref(x, lambda r: print("  x freed"))
gc.freeze()
del x
gc.unfreeze()
print("collect(0) ->", gc.collect(0))
print("collect(1) ->", gc.collect(1))
print("collect(2) ->", gc.collect(2))
