# At exit a full collection runs callbacks still registered; their functions keep the globals alive, so no __del__.
import gc
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def cb(phase, info):
    print("  gc", phase, info["generation"], info["collected"])
a = Obj("a")
g = Obj("cycle"); g.me = g
del g
gc.callbacks.append(cb)
print("end of script")
