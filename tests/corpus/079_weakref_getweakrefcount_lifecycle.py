# getweakrefcount counts live weakrefs and proxies to an object; freed weakrefs stop counting at once.
import weakref
class Obj:
    pass
o = Obj()
print("none:", weakref.getweakrefcount(o))
r1 = weakref.ref(o)
p1 = weakref.proxy(o)
print("ref + proxy:", weakref.getweakrefcount(o))
r2 = weakref.ref(o, lambda r: None)
p2 = weakref.proxy(o, lambda r: None)
print("plus callback ref and proxy:", weakref.getweakrefcount(o))
del r2
print("after del r2:", weakref.getweakrefcount(o))
lst = [weakref.ref(o, lambda r: None) for i in range(3)]
print("with 3 more:", weakref.getweakrefcount(o))
lst = None
print("list dropped:", weakref.getweakrefcount(o))
print("an int has none:", weakref.getweakrefcount(5))
