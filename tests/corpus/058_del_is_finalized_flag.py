# gc.is_finalized is False until __del__ has run; it stays True for a resurrected object.
import gc
gc.disable()
gc.collect()
keep = []
class Obj:
    def __del__(self):
        keep.append(self)
class Plain:
    pass
o = Obj()
print("before:", gc.is_finalized(o))
o.me = o
del o
print("collect ->", gc.collect())
print("after resurrection:", gc.is_finalized(keep[0]))
print("plain instance:", gc.is_finalized(Plain()))
keep[0].me = None
keep.clear()
print("collect ->", gc.collect())
