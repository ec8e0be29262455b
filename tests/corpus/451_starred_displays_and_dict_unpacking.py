# Starred items in displays and ** in dict displays: what is built, which value wins, who dies when
import gc, sys

class D:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("del", self.tag)
    def __repr__(self):
        return self.tag

a, b = [1, 2], (3, 4)
print([*a, *b], (*a,), [0, *a, 5], sorted({*a, *b, 1}))
print([*"ab", *range(2)], (*a, *b)[3], len([*{}]))
print(*a, *b, sep="-")
base = {"x": 1, "y": 2}
print({**base, "y": 20, **{"z": 3}})
print({"x": 0, **base}, {**base, **base} == base, {**{}})
m = {**base}
print(m == base, m is base, sys.getrefcount(m))
keep = {"k": D("old")}
print("merge")
merged = {**keep, "k": D("new")}
print(merged)
print({"k": D("first"), **keep})
gc.disable()
gc.collect()
before = gc.get_count()[0]
t = (*a, *b)
after = gc.get_count()[0]
print(type(t).__name__, t, after - before)
try:
    [*a, *5]
except TypeError as e:
    print("TypeError:", e)
try:
    {**base, **[("x", 1)]}
except TypeError as e:
    print("TypeError:", e)
print("end")
