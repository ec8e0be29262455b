# Cycles through groupby and tee objects are collected: what gc.collect() counts, get_referents of each piece, a weakref to a tee.
import gc
import weakref
from itertools import groupby, tee
class R:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
gc.disable()
gc.collect()
class Holder:
    pass
h = Holder()
h.items = [R(1), R(2)]
h.groups = groupby(h.items, key=lambda r: h)
k, group = next(h.groups)
print(k is h, len(gc.get_referents(h.groups)), len(gc.get_referents(group)))
del k, group
del h
print("groupby cycle:", gc.collect())
box = [R(3), R(4)]
first, second = tee(box)
box.append(first)
box.append(second)
print(next(first).n, len(gc.get_referents(first)), type(gc.get_referents(first)[0]).__name__)
block = gc.get_referents(first)[0]
print(len(gc.get_referents(block)), gc.is_tracked(block))
watch = weakref.ref(first, lambda r: print("tee object freed"))
del block, first, second, box
print("tee cycle:", gc.collect(), watch())
print("end")
