# a proxy holds its referent only while an operation runs; once it died every operation raises ReferenceError
import weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self): print("del", self.name)
    def __len__(self):
        global keep
        keep = None   # drops the last strong reference while len() runs
        print("len runs, keep dropped")
        return 2
    def __str__(self): return "node " + self.name
def gone(proxy):
    print("callback, proxy is dead:", repr(proxy).endswith("to NoneType at " + repr(proxy).split(" at ")[-1]))
keep = Node("a")
p = weakref.proxy(keep, gone)
print(weakref.getweakrefcount(keep), str(p))
print("len", len(p))
checks = [("str", lambda: str(p)), ("len", lambda: len(p)), ("item", lambda: p[0]),
          ("setitem", lambda: p.__setitem__(0, 1)), ("in", lambda: 1 in p), ("iter", lambda: iter(p)),
          ("next", lambda: next(p)), ("add", lambda: p + 1), ("radd", lambda: 1 + p), ("neg", lambda: -p),
          ("eq", lambda: p == 1), ("lt", lambda: 1 < p), ("bool", lambda: bool(p)), ("attr", lambda: p.name),
          ("call", lambda: p()), ("isinstance", lambda: isinstance(p, Node)), ("hash", lambda: hash(p))]
for name, check in checks:
    try:
        check()
        print(name, "ran")
    except ReferenceError as e:
        print(name, "ReferenceError:", e)
    except TypeError as e:
        print(name, "TypeError:", e)
print(type(p).__name__, isinstance(p, weakref.ProxyType), p is p)
def f():
    return "f ran"
q = weakref.proxy(f, gone)
print(type(q).__name__, q(), callable(q))
del f
print(type(q).__name__, callable(q))
q()
