# proxies of a set, a class, a generator and a lambda; p += x rebinds p to what the referent's __iadd__ returned
import weakref
class C:
    def __init__(self, v): self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __repr__(self): return "C(" + str(self.v) + ")"
s = {1, 2}
p = weakref.proxy(s)
print(len(p), 1 in p, sorted(p | {5}), sorted({7} | p), p == {1, 2})
p.add(3)
print(sorted(s), type(p).__name__, str(p) == str(s))
k = weakref.proxy(C)
print(type(k).__name__, k(4), k.__name__)
c = C(1)
q = weakref.proxy(c)
q += 5
print(q, type(q).__name__, c)
def gen():
    yield 1
    yield 2
g = gen()
r = weakref.proxy(g)
print(next(r), list(r), type(r).__name__)
f = lambda x: x + 1
pf = weakref.proxy(f)
print(pf(1), str(pf).startswith("<function <lambda> at"), bool(pf))
a, b = C(1), C(2)
pa, pb = weakref.proxy(a), weakref.proxy(b)
print(pa == pa, pa is weakref.proxy(a), pa != pb, [pa, pb].index(pb), pb in [a, b])
print(weakref.getweakrefcount(a), weakref.getweakrefs(a) == [pa])
