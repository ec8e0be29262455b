# sys.getsizeof calls __sizeof__ and adds the GC header (and, for instances with a __dict__, 16 more); default answers a TypeError.
import sys

class Fixed:
    def __sizeof__(self): return 100
class Slim:
    __slots__ = ()
    def __sizeof__(self): return 100
class Wrong:
    def __sizeof__(self): return "big"
class Negative:
    def __sizeof__(self): return -1
class Raising:
    def __sizeof__(self): raise TypeError("no size")


print("own __sizeof__", sys.getsizeof(Fixed()), sys.getsizeof(Slim()))
print("default unused", sys.getsizeof([], 7), sys.getsizeof(object=Fixed(), default=None))
print("default after TypeError", sys.getsizeof(Wrong(), -1), sys.getsizeof(Raising(), "none"))
for obj in [Wrong(), Negative(), Raising()]:
    try:
        sys.getsizeof(obj)
    except Exception as e:
        print(type(e).__name__, e)
try:
    sys.getsizeof(Negative(), 0)
except ValueError as e:
    print("default does not hide", type(e).__name__, e)
for args in [(), (1, 2, 3)]:
    try:
        sys.getsizeof(*args)
    except TypeError as e:
        print(e)
try:
    sys.getsizeof(1, size=2)
except TypeError as e:
    print(e)
