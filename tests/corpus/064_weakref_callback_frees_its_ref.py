# A weakref whose callback drops the last reference to it is freed then, and the collection counts it.
import gc, weakref
gc.disable()
gc.collect()
class Obj:
    pass
holder = []
def drop(ref):
    print("  callback clears holder")
    holder.clear()
o = Obj()
o.me = o
holder.append(weakref.ref(o, drop))
del o
print("instance + freed weakref ->", gc.collect())
p = Obj()
p.me = p
keep = weakref.ref(p, drop)
holder.append(keep)
del p
print("weakref still held ->", gc.collect())
