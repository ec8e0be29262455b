# __del__ run by the collector may create new cycles; they wait for the next collection.
import gc, weakref
gc.disable()
gc.collect()
refs = []
class Track:
    def __init__(self, name):
        self.name = name
        refs.append(weakref.ref(self, lambda r, n=name: print("  freed", n)))
class Maker:
    def __init__(self):
        self.me = self
    def __del__(self):
        print("  __del__ makes a new cycle")
        t = Track("made-in-del")
        t.me = t
m = Maker()
del m
print("first collect ->", gc.collect())
print("second collect ->", gc.collect())
