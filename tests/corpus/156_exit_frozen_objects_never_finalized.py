# After gc.freeze() without unfreeze, the globals' objects are never finalized at exit: no __del__ output.
import gc
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
a = Obj("a")
gc.freeze()
b = Obj("b")
print("end of script")
