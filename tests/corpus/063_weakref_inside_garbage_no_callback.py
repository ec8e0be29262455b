# A weakref that is itself part of the garbage gets no callback; an outside weakref to the same object does.
import gc, weakref
gc.disable()
gc.collect()
class Obj:
    pass
g = Obj()
g.me = g
g.inner = weakref.ref(g, lambda r: print("  inner callback (never printed)"))
outer = weakref.ref(g, lambda r: print("  outer callback"))
del g
print("instance + inner weakref + its lambda ->", gc.collect())
h = Obj()
h.me = h
h.tag = weakref.ref(h)
del h
print("instance + plain weakref ->", gc.collect())
