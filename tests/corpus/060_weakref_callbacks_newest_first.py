# Weakref callbacks on one object run newest first; callback-less refs are cleared silently before them.
import weakref
class Obj:
    pass
o = Obj()
plain = weakref.ref(o)
first = weakref.ref(o, lambda r: print("  first callback"))
second = weakref.ref(o, lambda r: print("  second callback"))
third = weakref.ref(o, lambda r: print("  third callback, plain() is None:", plain() is None))
print("weakref count:", weakref.getweakrefcount(o))
print("del o")
del o
print("all dead:", first() is None, second() is None, third() is None, plain() is None)
