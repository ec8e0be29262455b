# The info dict has exactly the keys generation, collected, uncollectable; callbacks run in list order.
import gc
gc.disable()
gc.collect()
class Obj:
    pass
def first(phase, info):
    print("  first", phase, info)
def second(phase, info):
    print("  second", phase, sorted(info.keys()))
gc.callbacks.append(first)
gc.callbacks.append(second)
x = Obj(); x.me = x
del x
print("collect ->", gc.collect())
gc.callbacks.clear()
print("cleared:", len(gc.callbacks))
