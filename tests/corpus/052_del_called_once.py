# __del__ runs at most once per object, even when the object is resurrected and dies again.
import gc
gc.disable()
gc.collect()
saved = []
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
        saved.append(self)
p = Phoenix("p")
print("del p")
del p
print("saved:", len(saved), "finalized:", gc.is_finalized(saved[0]))
print("saved.clear()")
saved.clear()
print("saved:", len(saved))
q = Phoenix("q"); q.me = q
del q
print("collect ->", gc.collect(), "saved:", len(saved))
saved.clear()
print("collect ->", gc.collect(), "saved:", len(saved))
