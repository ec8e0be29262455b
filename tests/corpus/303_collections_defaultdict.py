# defaultdict: a dict that calls its default_factory for a missing key
# and holds that factory for as long as it lives; the factory dies first.
import gc
import sys
from collections import defaultdict


class Factory:
    def __init__(self, name):
        self.name = name
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return [self.name, self.calls]

    def __del__(self):
        print("del factory", self.name)


class Value:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del value", self.name)


groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups)
print(isinstance(groups, dict), type(groups), groups.default_factory)
print(groups["z"], len(groups), "q" in groups, groups.get("y"), sorted(groups))
print(dict(groups) == groups, groups == {"a": ["apple", "avocado"]})

counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, max(counts, key=counts.get))

f = Factory("f")
print(sys.getrefcount(f))
d = defaultdict(f, {"k": Value("old")})
print(sys.getrefcount(f))
del f
print(d["x"], d["y"], d.default_factory.calls)
c = d.copy()
print(type(c), c == d, c.default_factory is d.default_factory)
del c
d.clear()
print("cleared", len(d), d.default_factory.name)
d["v"] = Value("v")
d2 = defaultdict(Factory("g"), v=Value("v2"))
print("-- a defaultdict dies: its factory first")
del d2

print("-- a new factory; the old one is dropped")
d.default_factory = list
print(d["w"], sorted(d))
d.default_factory = None
print("-- no factory")
del d
plain = defaultdict(None, a=1)
try:
    plain["b"]
except KeyError as e:
    print("KeyError", e)
print(plain, plain.pop("a"), plain.popitem() if plain else "empty")
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
try:
    hash(plain)
except TypeError as e:
    print("TypeError", e)

print("-- a cycle through the factory")
gc.collect()
gc.disable()
holder = defaultdict(None)
cyc = defaultdict(lambda: holder)
holder["back"] = cyc
cyc["v"] = Value("in cycle")
print(cyc["missing"] is holder, gc.is_tracked(cyc))
del holder, cyc
print("collected", gc.collect())
gc.enable()
