# Callback-less weakref.ref(o) returns the same object each time; refs with callbacks are distinct.
import weakref
class Obj:
    pass
o = Obj()
a = weakref.ref(o)
b = weakref.ref(o)
print("plain refs identical:", a is b)
print("count:", weakref.getweakrefcount(o))
c = weakref.ref(o, lambda r: None)
d = weakref.ref(o, lambda r: None)
print("callback refs identical:", c is d, c is a)
print("count:", weakref.getweakrefcount(o))
del c
print("after del c:", weakref.getweakrefcount(o))
del a, b
print("after del a, b:", weakref.getweakrefcount(o))
print("equal while alive:", d == weakref.ref(o))
