# Within one collection: start callback, weakref callbacks, __del__ calls, then the stop callback.
import gc, weakref
gc.disable()
gc.collect()
class Obj:
    def __del__(self):
        print("  __del__")
gc.callbacks.append(lambda phase, info: print("  gc", phase, info["collected"]))
o = Obj(); o.me = o
w = weakref.ref(o, lambda r: print("  weakref callback"))
del o
print("collect ->", gc.collect())
gc.callbacks.clear()
