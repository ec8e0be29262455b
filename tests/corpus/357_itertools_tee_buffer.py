# tee objects share blocks of 57 items: an item is freed only when every tee has left its whole block behind (weakref callbacks show when).
import weakref
from itertools import tee
class R:
    def __init__(self, n): self.n = n
    def __repr__(self): return "R%d" % self.n
refs = []
def make(n):
    for i in range(n):
        r = R(i)
        refs.append(weakref.ref(r, lambda w, i=i: print("freed", i)))
        yield r
a, b = tee(make(3))
print(type(a).__name__, next(a), next(a), next(b))
print("a passes the end:", list(a))
print("b still reads:", list(b))
del a
print("a dropped; b holds the block")
del b
refs.clear()
lead, lag = tee(make(120))
for item in lead:
    pass
del item
print("lead read all 120; lag holds them")
for i in range(56): next(lag)
print("lag inside block 1:", next(lag).n)
print("lag enters block 2:", next(lag).n)
for i in range(57): next(lag)
print("lag enters block 3")
del lead, lag
x, y = tee(range(5))
z, = tee(x, 1)
c = y.__copy__()
print(z is x, next(x), list(z), list(y), list(c), tee([1, 2], 0), len(tee([1], 3)))
try:
    tee([1], -1)
except ValueError as e:
    print(e)
print("end")
