# Private names in a class (__x) are _Class__x: its attributes and
# methods, the variables and parameters of its methods, the keywords of
# calls in it, and the names a def, class or except binds; the def keeps
# its own __name__.  What a private name holds lives as long as any other.
import sys
import weakref

class Token:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  freed", self.name)

class Account:
    __count = 0
    __shared = Token("class attribute")

    def __init__(self, owner, *, __pin=1234):
        self.__owner = owner
        self.__pin = __pin
        Account.__count += 1

    def __check(self, pin):
        return pin == self.__pin

    def open(self, pin):
        try:
            if not self.__check(pin):
                raise ValueError("wrong pin")
        except ValueError as __e:
            return "refused: " + str(__e)
        return "open for " + self.__owner.name

    class __Vault:
        __size = 3
        def size(self):
            return self.__size

    def vault(self):
        return self.__Vault().size()

    def made(self):
        return self._make(_Account__pin=42)

    @classmethod
    def _make(cls, **kw):
        return sorted(kw)

a = Account(Token("owner"), _Account__pin=7)
print(a.open(7), "|", a.open(1))
print(sorted(k for k in vars(Account) if k.startswith("_Account")))
print(sorted(vars(a)))
print(Account._Account__check.__name__, Account._Account__check.__qualname__)
print(Account._Account__Vault.__name__, Account._Account__Vault.__qualname__, a.vault())
print(a.made(), Account._Account__count)
try:
    a.__check(7)
except AttributeError as e:
    print("outside the class:", e)

# a method reading a private global reads the mangled one
__level = "plain"
_Reader__level = "mangled"
class Reader:
    def level(self):
        return __level
    lam = lambda self: [__level for _ in range(1)]
print(Reader().level(), Reader().lam())

# names with no prefix to give, dunders and a class of underscores
class ___:
    __odd = 1
print(sorted(k for k in vars(___) if "odd" in k))

# a private attribute holds its object as any attribute does
owner = Token("held privately")
r = weakref.ref(owner)
holder = Account(owner)
print(sys.getrefcount(owner))
del owner
print(r() is not None)
del holder, a
print(r())


# a nested class's __qualname__ and repr name where it was made; the
# namespace lets __qualname__ go to the type
class Outer:
    class Inner:
        pass
    def local(self):
        class Here:
            pass
        return Here
print(Outer.Inner.__qualname__, Outer.Inner, Outer().local().__qualname__)
print(repr(Outer.Inner()).split(" at ")[0], "__qualname__" in vars(Outer))
class Renamed:
    __qualname__ = "Other.Name"
print(Renamed.__qualname__, Renamed.__name__, Renamed)
try:
    class Bad:
        __qualname__ = 5
except TypeError as e:
    print(e)

# private names in __slots__ are mangled, then sorted
class Point:
    __slots__ = ("__y", "x", "__weakref__")
    def __init__(self):
        self.__y = Token("in a private slot")
        self.x = 2
    def get(self):
        return self.__y.name
p = Point()
print(p.get(), Point.__slots__, hasattr(Point, "_Point__y"), hasattr(Point, "__y"))
del p
try:
    class Clash:
        __slots__ = ("__y",)
        __y = 1
except ValueError as e:
    print(e)
print("end")
