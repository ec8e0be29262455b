# DEBUG_SAVEALL left on at exit still runs __del__ (objects are saved, not freed).
import gc
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
a = Obj("a")
gc.set_debug(gc.DEBUG_SAVEALL)
b = Obj("b")
print("end of script")
