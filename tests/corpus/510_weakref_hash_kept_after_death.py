# a weak reference hashes as its referent and keeps that hash once it is dead; never hashed while alive, it has none
import weakref
class Key:
    def __init__(self, n): self.n = n
    def __hash__(self): return self.n
    def __eq__(self, other): return isinstance(other, Key) and other.n == self.n
    def ping(self): return self.n
k = Key(42)
r, r2 = weakref.ref(k), weakref.ref(k, lambda wr: print("r2 callback"))
wm1, wm2 = weakref.WeakMethod(k.ping), weakref.WeakMethod(k.ping)
print(hash(r), hash(r) == hash(k), hash(wm1) == hash(wm2), wm1 == wm2)
del k
print(hash(r), r() is None)
for dead in [r2, wm1]:   # wm1 was hashed while alive
    try:
        hash(dead)
    except TypeError as e:
        print(type(dead).__name__, e)
