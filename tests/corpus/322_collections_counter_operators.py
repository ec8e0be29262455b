# Counter's operators, as Lib/collections/__init__.py writes them: + - | &
# take two Counters and keep the positive counts in a new one, the left
# one's keys first; the in-place forms take any mapping and drop the
# counts not above 0 afterwards; +c and -c; Counter.fromkeys refuses.
import sys
from collections import Counter


class Key:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        return self.name == other.name

    def __del__(self):
        print("del", self.name)


a = Counter(a=3, b=1, c=-2)
b = Counter(b=2, c=1, d=4, e=-1)
print(a + b)
print(a - b)
print(a | b)
print(a & b)
print(list((a + b).keys()), list((b - a).keys()), list((b | a).keys()))
print(+a, -a, +Counter(), -Counter(x=0))
print(a, b)

for expr in [lambda: a + {"a": 1}, lambda: {"a": 1} - a, lambda: a & 3, lambda: 3 | a, lambda: ~a]:
    try:
        expr()
    except TypeError as e:
        print("TypeError:", e)

print("-- in place, with any mapping")
c = Counter("aab")
same = c
c += {"b": -1, "z": 2}
print(c, c is same)
c -= Counter(a=5)
print(c, c is same)
c |= {"q": 3, "z": 1}
print(c, c is same)
c &= Counter(q=1, z=9)
print(c, c is same)
try:
    c &= {"x": 1}
except KeyError as e:
    print("KeyError:", e)
try:
    c += 1
except AttributeError as e:
    print("AttributeError:", e)

print("-- what the results hold")
k1, k2 = Key("k1"), Key("k2")
c = Counter({k1: 2, k2: 1})
before = sys.getrefcount(k1)
d = +c
print("the new counter holds the key:", sys.getrefcount(k1) - before)
e = c - Counter({k2: 1})
print("and the difference too:", sys.getrefcount(k1) - before, list(e))
del d, e
print("after dropping them:", sys.getrefcount(k1) - before)
print("-- dropping keys in place: deleted, then freed")
c = Counter({Key("p"): 1, Key("q"): 2, Key("r"): 3, Key("s"): 0})
c -= Counter({Key("p"): 5, Key("r"): 3})
print(c)
c &= Counter({Key("q"): 0})
print(c)
print("-- fromkeys")
for call in [lambda: Counter.fromkeys("ab"), lambda: Counter("a").fromkeys("ab", 1)]:
    try:
        call()
    except NotImplementedError as e:
        print("NotImplementedError:", e)
print("-- the end")
