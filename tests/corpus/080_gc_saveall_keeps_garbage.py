# With DEBUG_SAVEALL, collected objects go to gc.garbage instead of being freed, and still count as collected.
import gc, weakref
gc.disable()
gc.collect()
class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Obj(" + self.name + ")"
gc.set_debug(gc.DEBUG_SAVEALL)
print("debug flags:", gc.get_debug() == gc.DEBUG_SAVEALL)
a = Obj("a"); b = Obj("b"); a.b = b; b.a = a
w = weakref.ref(a, lambda r: print("  callback a"))
del a, b
print("collect ->", gc.collect())
print("garbage:", gc.garbage)
print("weakref cleared anyway:", w() is None)
gc.set_debug(0)
gc.garbage.clear()
print("really freed now ->", gc.collect())
print("garbage:", gc.garbage)
