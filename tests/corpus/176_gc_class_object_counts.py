# What a dead class leaves for the collector: type, dict, mro, bases, descriptors, methods, cells.
import gc
gc.disable()
gc.collect()
class Plain:
    pass
del Plain
print("class based on object:", gc.collect())
class A:
    pass
class B(A):
    pass
del B
print("subclass, empty body:", gc.collect())
class D(A):
    def m(self):
        return 1
del D
print("subclass with a method:", gc.collect())
class S(A):
    def m(self):
        return super().__init__
del S
print("subclass with a method using super():", gc.collect())
del A
print("the base:", gc.collect())
