# contextlib: suppress, closing and nullcontext, and what they hold.
import sys
import contextlib
from contextlib import suppress, closing, nullcontext


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("close", self.name)

    def __del__(self):
        print("del", self.name)


with suppress(KeyError, IndexError):
    print("before")
    {}["missing"]
    print("not reached")
print("after suppress")

with suppress(ArithmeticError):
    print(1 // 0)
print("ZeroDivisionError is an ArithmeticError")

try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError passes through:", e)

with suppress():
    print("nothing to suppress")

r = Resource("r")
with closing(r) as got:
    print(got is r, sys.getrefcount(r))
print("closed")

try:
    with closing(Resource("s")):
        raise ValueError("in the block")
except ValueError as e:
    print("ValueError", e)
print("s was closed and freed")

with nullcontext(42) as value:
    print(value)
with nullcontext() as value:
    print(value)

c = closing(Resource("t"))
print(type(c), type(c).__name__, c.thing.name)
del c
print("closing object gone")
print(type(contextlib.suppress()))
del r
print("end")
