# __mro__: the class, its bases in order, object last; the tuple is the
# class's own (the same object each time) and holds its classes.
import sys


class A:
    pass


class B(A):
    pass


class C(B):
    def who(self):
        return "C"


class MyError(KeyError):
    pass


print([k.__name__ for k in C.__mro__])
print([k.__name__ for k in MyError.__mro__])
print(C.__mro__ is C.__mro__, type(C.__mro__).__name__, len(A.__mro__))
print(C.__bases__ == (B,), C.__base__ is B, A.__base__ is object)
print([k.__name__ for k in object.__mro__], [k.__name__ for k in KeyError.__mro__])
print([k.__name__ for k in bool.__mro__])
before = sys.getrefcount(B)
m = C.__mro__
print(sys.getrefcount(B) - before)
print(m[1] is B, C() .who())
