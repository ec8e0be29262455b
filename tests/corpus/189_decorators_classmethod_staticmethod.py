# @classmethod binds to the class (through an instance too), @staticmethod
# gives the plain function; both keep their function alive in the class.
import sys
import weakref


class Counter:
    made = 0

    def __init__(self, start):
        self.start = start

    @classmethod
    def from_text(cls, text):
        cls.made += 1
        return cls(len(text))

    @staticmethod
    def double(x):
        return 2 * x


class Sub(Counter):
    pass


c = Counter.from_text("abc")
print(c.start, Counter.made)
s = Sub.from_text("hello")
print(type(s).__name__, s.start, Sub.made, Counter.made)
print(Counter.double(4), c.double(5), Sub.double(6))
m = c.from_text
print(m.__self__ is Counter, m.__func__ is Counter.__dict__["from_text"].__func__)
print(Counter.double is Counter.__dict__["double"].__func__)
print(Counter.from_text == Counter.from_text, Counter.from_text is Counter.from_text)
print(type(Counter.__dict__["from_text"]).__name__, type(Counter.__dict__["double"]).__name__)

# what holds the function: the classmethod object in the class dict
f = Counter.__dict__["double"].__func__
r = weakref.ref(f, lambda ref: print("function freed"))
print("refs:", sys.getrefcount(f))
del f
del Counter.double
print("after del Counter.double")


def plain(x):
    return x + 1


sm = staticmethod(plain)
cm = classmethod(plain)
print(sm.__func__ is plain, cm.__func__ is plain, sys.getrefcount(plain))
del sm, cm
print(sys.getrefcount(plain))
print("end")
