# gc.callbacks receive ("start", info) and ("stop", info) with generation, collected, uncollectable.
import gc
gc.disable()
gc.collect()
class Obj:
    pass
def report(phase, info):
    print("  ", phase, info["generation"], info["collected"], info["uncollectable"])
gc.callbacks.append(report)
a = Obj(); a.me = a
b = Obj(); c = Obj(); b.c = c; c.b = b
del a, b, c
print("collect(0) ->", gc.collect(0))
print("collect(1) ->", gc.collect(1))
print("collect(2) ->", gc.collect(2))
gc.callbacks.remove(report)
print("removed; collect ->", gc.collect())
