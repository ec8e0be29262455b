# functools.lru_cache keeps every key (the arguments) and every result
# alive until it evicts or clears them.  A bounded cache evicts the least
# recently used entry: its key, then its result, die after the new result
# is stored.  cache_clear() and the wrapper's death free what is left, the
# least recently used first.
import functools, sys, weakref

class Result:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  result", self.n, "dies")
    def __repr__(self):
        return "Result(%d)" % self.n

class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return self.n
    def __eq__(self, other):
        return self.n == other.n
    def __del__(self):
        print("  key", self.n, "dies")

@functools.lru_cache(maxsize=2)
def compute(key):
    print("compute", key.n)
    return Result(key.n * 10)

for n in [1, 2, 1, 3]:
    print("call", n)
    r = compute(Key(n))
    del r
print(compute.cache_info())
print("call 3 again: a hit, the new Key(3) goes at once")
compute(Key(3))
print("call 4: evicts 1, the least recently used")
compute(Key(4))
print("cache_clear")
compute.cache_clear()
print(compute.cache_info())

print("--- the wrapper's death frees the cache in order of use")
for n in [5, 6, 7]:
    compute(Key(n))
compute(Key(6))
probe = weakref.ref(compute.__wrapped__, lambda r: print("  the function dies"))
del compute
print("after del compute")

print("--- maxsize=None never evicts; clear frees in insertion order")
@functools.lru_cache(maxsize=None)
def square(n):
    return Result(n * n)
for n in [3, 1, 2]:
    square(n)
square(1)
held = square(2)
print(square.cache_info(), "refs to Result(4):", sys.getrefcount(held) - 1)
square.cache_clear()
print("cleared; Result(4) still held by a variable:", held)
del held

print("--- an object argument is kept in the key tuple")
class Arg:
    def __del__(self):
        print("  Arg dies")
@functools.lru_cache
def ident(a, scale=1):
    return scale
a = Arg()
print("refs before", sys.getrefcount(a) - 1)
ident(a)
ident(a, scale=2)
print("refs after two entries", sys.getrefcount(a) - 1)
del a
print("deleted the name; the cache still holds it")
ident.cache_clear()
print("cleared")

print("--- maxsize=0 keeps nothing")
@functools.lru_cache(maxsize=0)
def nothing(n):
    return Result(n)
nothing(8)
print(nothing.cache_info())

print("--- typed=True keeps 1 and True apart")
@functools.lru_cache(typed=True)
def kind(x):
    return type(x).__name__
print(kind(1), kind(True), kind(1), kind.cache_info())
print(kind.cache_parameters(), square.cache_parameters())
info = kind.cache_info()
hits, misses, maxsize, currsize = info
print(type(info).__name__, info.hits, info[1], len(info), maxsize, currsize)
print(kind.__name__, kind.__wrapped__.__name__, type(kind).__name__)
for bad in ["x", 1.5]:
    try:
        functools.lru_cache(bad)
    except TypeError as e:
        print(e)
print("end")
