# WeakValueDictionary entries vanish when their value dies; keys stay in insertion order.
import weakref
class Val:
    def __init__(self, name):
        self.name = name
cache = weakref.WeakValueDictionary()
a = Val("a"); b = Val("b"); c = Val("c")
cache["a"] = a; cache["b"] = b; cache["c"] = c
print("len:", len(cache), list(cache.keys()))
del b
print("after del b:", len(cache), list(cache.keys()))
print("get b:", cache.get("b"), "'b' in cache:", "b" in cache)
print("cache['a'].name:", cache["a"].name)
cache["a"] = c
print("a replaced by c, len:", len(cache))
del a
print("still:", sorted(cache.keys()))
del c
print("empty:", len(cache))
