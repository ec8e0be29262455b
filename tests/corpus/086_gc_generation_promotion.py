# Survivors of collect(0) move to generation 1, where collect(0) no longer looks; collect(1) finds them.
import gc, weakref
gc.disable()
gc.collect()
class Obj:
    pass
a = Obj(); a.me = a
w = weakref.ref(a, lambda r: print("  a freed"))
print("collect(0) while referenced ->", gc.collect(0))
del a
print("collect(0) after del ->", gc.collect(0))
print("collect(1) ->", gc.collect(1))
b = Obj(); b.me = b
print("collect(1) while referenced ->", gc.collect(1))
w2 = weakref.ref(b, lambda r: print("  b freed"))
del b
print("collect(1) after del ->", gc.collect(1))
print("collect(2) ->", gc.collect(2))
