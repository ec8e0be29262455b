# A WeakValueDictionary value that sits in a garbage cycle stays listed until gc.collect() frees it.
import gc, weakref
gc.disable()
gc.collect()
class Node:
    def __init__(self, name):
        self.name = name
reg = weakref.WeakValueDictionary()
n = Node("n")
n.me = n
reg["n"] = n
m = Node("m")
reg["m"] = m
del n
print("before collect:", sorted(reg.keys()))
gc.collect()
print("after collect:", sorted(reg.keys()))
del m
print("after del m:", len(reg))
