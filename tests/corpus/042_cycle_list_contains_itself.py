# A list containing itself is garbage with all it holds; callbacks run in creation order before anything is cleared.
import gc, weakref
gc.disable()
gc.collect()
refs = []
class Item:
    def __init__(self, name):
        self.name = name
        refs.append(weakref.ref(self, lambda r, n=name: print("  freed", n)))
lst = [Item("i0"), Item("i1")]
lst.append(lst)
lst.append(Item("i3"))
del lst
print("list + 3 items ->", gc.collect())
a = []; b = [a]; a.append(b)
del a, b
print("two lists ->", gc.collect())
