# Two instances in a cycle are collected together; callbacks follow the collector's list order (creation order).
import gc, weakref
gc.disable()
gc.collect()
class P:
    def __init__(self, name):
        self.name = name
refs = []
def watch(obj):
    refs.append(weakref.ref(obj, lambda r, n=obj.name: print("  freed", n)))
first = P("first"); second = P("second")
first.peer = second; second.peer = first
watch(second); watch(first)
del first, second
print("collect ->", gc.collect())
x = P("x"); y = P("y"); z = P("z")
z.next = y; y.next = x; x.next = z
watch(x); watch(y); watch(z)
del x, y, z
print("collect ->", gc.collect())
