# DEBUG_SAVEALL still runs __del__; a materialized __dict__ is saved as its own entry after its owner.
import gc
gc.disable()
gc.collect()
class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Obj(" + self.name + ")"
    def __del__(self):
        print("  __del__", self.name)
gc.set_debug(gc.DEBUG_SAVEALL)
c = Obj("c")
c.me = c
c.__dict__
lst = [Obj("in_list")]
lst.append(lst)
del c, lst
print("collect ->", gc.collect())
print("garbage size:", len(gc.garbage))
for x in gc.garbage:
    if isinstance(x, dict):
        print("  a dict with keys", sorted(x.keys()))
    elif isinstance(x, list):
        print("  a list of", len(x))
    else:
        print("  instance", x.name)
del x
gc.set_debug(0)
gc.garbage.clear()
print("collect ->", gc.collect())
