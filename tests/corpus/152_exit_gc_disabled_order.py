# With the collector disabled, exit finalizes in creation order: leftover cycles join the globals' objects.
import gc
gc.disable()
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
a = Obj("a")
g = Obj("garbage-cycle"); g.me = g
del g
items = [Obj("item0"), Obj("item1")]
b = Obj("b")
print("end of script")
