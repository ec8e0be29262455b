# Cycles through the items and through the __dict__ of list and dict subclasses: counts, tracking, referents order.
import gc
class R:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
class Bag(list):
    pass
class Box(dict):
    def __del__(self): print("Box del", len(self))
gc.disable()
gc.collect()
print(gc.is_tracked(Box()), gc.is_tracked({}), gc.is_tracked(Bag()))
b = Bag([R("item")])
print(len(gc.get_referents(b)), gc.get_referents(b)[0] is Bag, type(b[:1]).__name__, len(b[::-1]))
b.tag = R("tag")
refs = gc.get_referents(b)
print(len(refs), refs[0] is vars(b), refs[1] is Bag, refs[2] is b[0])
del refs
b.append(b)
del b
print("bag cycle:", gc.collect())
x = Box()
x["self"] = x
x.note = R("note")
del x
print("box cycle:", gc.collect())
y = Bag()
y.me = y
del y
print("dict cycle:", gc.collect())
print("end")
