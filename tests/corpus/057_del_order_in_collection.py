# __del__ calls in one collection follow the collector's list order (creation order for fresh objects).
import gc
gc.disable()
gc.collect()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
x = D("x"); y = D("y"); z = D("z"); w = D("w")
w.o = z; z.o = y; y.o = x; x.o = w
del w, x, y, z
print("collect ->", gc.collect())
p = D("p"); q = D("q")
p.o = q; q.o = p
print("collect keeps p, q ->", gc.collect())
r = D("r"); r.o = r
del p, q, r
print("collect ->", gc.collect())
