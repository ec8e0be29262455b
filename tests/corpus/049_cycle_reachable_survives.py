# A cycle still reachable from a global survives gc.collect(); it goes once the last outside reference is dropped.
import gc, weakref
gc.disable()
gc.collect()
refs = []
class N:
    def __init__(self, name):
        self.name = name
        refs.append(weakref.ref(self, lambda r, n=name: print("  freed", n)))
a = N("a"); b = N("b")
a.b = b; b.a = a
keep = [a]
del a, b
print("collect with keep ->", gc.collect())
print("still there:", keep[0].b.name)
keep.clear()
print("collect after clear ->", gc.collect())
