# functools.total_ordering fills in the ordering methods a class lacks from
# the one it defines (preferring __lt__, then __le__, __gt__, __ge__), as
# Lib/functools.py does: the added functions live in the class's own
# namespace, call type(self).ROOT and pass NotImplemented through.
import functools


@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        print("  eq", self.n, other.n)
        return self.n == other.n

    def __lt__(self, other):
        print("  lt", self.n, other.n)
        return self.n < other.n

    def __repr__(self):
        return "Version(%d)" % self.n

    def __del__(self):
        print("del", self)


a, b = Version(1), Version(2)
print(a <= b)
print(a > b)
print(a >= b)
print(a <= Version(1))
print(sorted(["__ge__" in vars(Version), "__gt__" in vars(Version), "__le__" in vars(Version)]))
print(Version.__gt__.__name__, Version.__gt__.__qualname__, callable(Version.__ge__))
print(a.__gt__(b), Version.__le__(b, a))
print(max([Version(3), Version(5), Version(4)]))
print("sorted:", sorted([Version(3), Version(1), Version(2)], reverse=True))


@functools.total_ordering
class Grade:
    def __init__(self, n):
        self.n = n

    def __ge__(self, other):
        if not isinstance(other, Grade):
            return NotImplemented
        return self.n >= other.n


print(Grade(1) < Grade(2), Grade(1) > Grade(2), Grade(2) <= Grade(2))
print(Grade(3).__lt__(7) is NotImplemented)
try:
    Grade(1) < 3
except TypeError as e:
    print("TypeError:", e)


class Both:
    def __init__(self, n):
        self.n = n

    def __gt__(self, other):
        return "gt-answer"

    def __le__(self, other):
        return 0


# __le__ is preferred to __gt__: only __lt__ and __ge__ are added
functools.total_ordering(Both)
print(sorted(k for k in vars(Both) if k.startswith("__") and k[2] in "lg"))
print(repr(Both(1) < Both(2)), repr(Both(1) >= Both(2)), repr(Both(1) > Both(2)))

try:
    @functools.total_ordering
    class Plain:
        pass
except ValueError as e:
    print("ValueError:", e)


class Newer(Version):
    pass


print(functools.total_ordering(Newer) is Newer, "__gt__" in vars(Newer))
n = Newer(9)
print(n > a)


@functools.total_ordering
class Other:
    def __lt__(self, other):
        return False


# one function serves every class it is added to
print(Other.__dict__["__gt__"] is Version.__dict__["__gt__"], Other.__gt__ is functools._gt_from_lt)
for call in [lambda: Version.__gt__(a), lambda: Version.__gt__(), lambda: a.__le__(other=b),
             lambda: Version.__ge__(a, b, 3), lambda: a.__ge__(b, other=b)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
del a, b, n
print("end")
