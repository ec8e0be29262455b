# A class based on dict: d[k] calls __missing__, get() does not; super().__setitem__; attributes in __dict__; death order.
class R:
    def __init__(self, n): self.n = n
    def __repr__(self): return "R(%s)" % self.n
    def __del__(self): print("del", self.n)
class Registry(dict):
    def __init__(self, name, **kw):
        super().__init__(**kw)
        self.name = R(name)
    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)
    def __missing__(self, key):
        print("missing", key)
        value = self[key] = R(key)
        return value
    def __del__(self):
        print("Registry del", sorted(self))
r = Registry("reg", a=R("a"))
print(r, len(r), "a" in r, r.get("b"), r["b"], r["b"])
r.update(c=R("c"))
print(list(r), list(r.values()), r == {"a": r["a"], "b": r["b"], "c": r["c"]})
print(vars(r), r.__dict__ is vars(r), isinstance(r, dict), issubclass(Registry, dict))
print(r.pop("a"), dict(r), type(r.copy()).__name__)
class Plain(dict):
    pass
p = Plain(x=1)
try:
    p["nope"]
except KeyError as e:
    print("KeyError", e)
p.owner = R("owner")
p["item"] = R("item")
print("drop p")
del p
print("drop r")
del r
print("end")
