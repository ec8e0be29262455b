# A user __new__: a singleton hands back the one instance (and __init__
# runs again on it each time), a flyweight cache keeps one object per key
# alive, and a __new__ returning something else skips __init__.
import sys
import weakref


class Config:
    _instance = None

    def __new__(cls):
        print("Config.__new__", cls.__name__)
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self):
        print("Config.__init__")

    def __del__(self):
        print("Config freed")


a = Config()
b = Config()
print(a is b, sys.getrefcount(a))
del a, b
print("the class still holds it")
Config._instance = None
print("after reset")


class Glyph:
    _cache = weakref.WeakValueDictionary()

    def __new__(cls, char):
        glyph = cls._cache.get(char)
        if glyph is None:
            print("new glyph", char)
            glyph = object.__new__(cls)
            glyph.char = char
            cls._cache[char] = glyph
        return glyph

    def __del__(self):
        print("glyph freed", self.char)


word = [Glyph(c) for c in "abba"]
print(len(word), word[0] is word[3], len(Glyph._cache))
word.pop()
word.pop(0)
print("popped the a's", len(Glyph._cache))
del word
print("cache", len(Glyph._cache))


class Other:
    def __new__(cls, value):
        print("Other.__new__ returns", value)
        return value

    def __init__(self, value):
        print("never called")


print(Other(5), Other("x"))


class Point:
    def __new__(cls, *args):
        print("Point.__new__", args)
        return super().__new__(cls)

    def __init__(self, x, y):
        self.x, self.y = x, y


class Point3(Point):
    pass


p = Point3(1, 2)
print(type(p).__name__, p.x, p.y, isinstance(p, Point))
try:
    object.__new__(Point, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    class Plain:
        pass
    Plain(1)
except TypeError as e:
    print("TypeError:", e)
print(Point.__new__ is Point.__dict__["__new__"])
print("end")
