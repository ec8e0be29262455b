# Since 3.10 a staticmethod object is callable itself: it calls its
# function, and holds it until it goes.
import sys


def greet(name):
    return "hello " + name


sm = staticmethod(greet)
print(sm("you"), callable(sm), callable(classmethod(greet)))
print(sys.getrefcount(greet))
del sm
print(sys.getrefcount(greet))
