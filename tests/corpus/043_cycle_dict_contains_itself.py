# A dict holding itself is one garbage object; a dict <-> instance cycle counts both, plus what only they hold.
import gc, weakref
gc.disable()
gc.collect()
refs = []
class Item:
    def __init__(self, name):
        self.name = name
        refs.append(weakref.ref(self, lambda r, n=name: print("  freed", n)))
d = {"self": None, "item": Item("in_dict")}
d["self"] = d
del d
print("self dict + item ->", gc.collect())
owner = Item("owner")
table = {"owner": owner, "extra": Item("extra")}
owner.table = table
del owner, table
print("dict <-> instance + extra ->", gc.collect())
