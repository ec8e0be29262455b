# Objects hanging off a cycle are freed during the collection and are counted too.
import gc, weakref
gc.disable()
gc.collect()
refs = []
class N:
    def __init__(self, name):
        self.name = name
        refs.append(weakref.ref(self, lambda r, n=name: print("  freed", n)))
a = N("a"); b = N("b")
a.peer = b; b.peer = a
a.kid = N("kid")
a.kid.grandkid = N("grandkid")
b.items = [N("item0"), N("item1")]
del a, b
print("6 instances + 1 list ->", gc.collect())
