# Tuples start tracked; any collection that examines them untracks those holding only atomic values.
import gc
gc.disable()
class Obj:
    pass
n = 1
s = "s"
atomic = (n, s, None)
mixed = (n, [])
inst = (Obj(),)
print("new:", gc.is_tracked(atomic), gc.is_tracked(mixed), gc.is_tracked(inst))
gc.collect(0)
print("after collect(0):", gc.is_tracked(atomic), gc.is_tracked(mixed), gc.is_tracked(inst))
nested = ((n, s), (n,))
print("nested new:", gc.is_tracked(nested))
gc.collect(0)
print("nested after collect(0):", gc.is_tracked(nested), gc.is_tracked(nested[0]))
print("empty tuple:", gc.is_tracked(()))
