# groupby and its _grouper objects: a group reads the groupby's current item, dies when the groupby moves on; what each holds and frees.
import gc
from itertools import groupby
class R:
    def __init__(self, n, key): self.n, self.key = n, key
    def __repr__(self): return "R%d" % self.n
    def __del__(self): print("del", self.n)
rows = [R(1, "a"), R(2, "a"), R(3, "b"), R(4, "b"), R(5, "c"), R(6, "a")]
g = groupby(rows, key=lambda r: r.key)
del rows
print(type(g).__name__, gc.is_tracked(g), len(gc.get_referents(g)))
key1, group1 = next(g)
print(key1, type(group1).__name__, gc.get_referents(group1)[0] is g, len(gc.get_referents(g)))
print("first of a:", next(group1))
print("held now:", len(gc.get_referents(g)))
key2, group2 = next(g)
print(key2, "group a after the groupby moved on:", list(group1))
print("group b:", list(group2), "again:", list(group2))
for key, group in g:
    print("group", key, [r.n for r in group])
print("exhausted groupby holds", len(gc.get_referents(g)))
del g, group1, group2
print([(k, len(list(v))) for k, v in groupby("aaabccdd")])
print([k for k, _ in groupby([1, 1.0, True, 2, 2, 1])])
g = groupby([R(7, "x"), R(8, "x"), R(9, "y")], key=lambda r: r.key)
k, first = next(g)
k, second = next(g)
print("skipped past x:", k, list(first), list(second))
del g, first, second, k
try:
    groupby()
except TypeError as e:
    print(e)
print("end")
