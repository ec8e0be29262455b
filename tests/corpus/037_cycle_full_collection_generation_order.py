# A full collection examines generation 2, then 0, then 1: callbacks for old, young, then middle garbage.
import gc, weakref
gc.disable()
gc.collect()
refs = []
class N:
    def __init__(self, name):
        self.name = name
        self.me = self
        refs.append(weakref.ref(self, lambda r, n=name: print("  freed", n)))
old = N("old (gen 2)")
gc.collect()
middle = N("middle (gen 1)")
gc.collect(0)
young = N("young (gen 0)")
# count: young, its weakref, lambda and defaults tuple (4); one gen-0 collection so far (1)
print("count:", gc.get_count())
del old, middle, young
print("collect ->", gc.collect())
