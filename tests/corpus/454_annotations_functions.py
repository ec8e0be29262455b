# Function annotations: evaluated at def time after the defaults, held by the function, a dict made on first read
import gc, sys
class Tag:
    def __init__(self, name):
        self.name = name
        print("make", name)
    def __del__(self):
        print("del", self.name)
    def __repr__(self):
        return self.name

def default(v):
    print("default", v)
    return v

def f(a: Tag("A"), b: Tag("B") = default(2), *args: Tag("ARGS"), **kw: Tag("KW")) -> Tag("RET"):
    return a + b
print(f(1), f.__annotations__)
print(f.__annotations__ is f.__annotations__, list(f.__annotations__))
def plain(x, y=1):
    pass
print(plain.__annotations__, (lambda: 0).__annotations__)
class K:
    def method(self, __private: int, other: "K") -> None:
        pass
print(K.method.__annotations__)
ann = f.__annotations__
print(sys.getrefcount(ann), sys.getrefcount(ann["a"]))
del f
print("f deleted")
del ann
print("dict deleted")
gc.disable()
gc.collect()
holder = []
def g(x: holder) -> int:   # g holds the tuple ('x', holder, 'return', int)
    pass
holder.append(g)
del g, holder
print("collected", gc.collect())   # g, its annotations tuple, holder
