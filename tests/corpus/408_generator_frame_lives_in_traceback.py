# An exception leaving a generator's body keeps the body's frame in its
# traceback, so the generator's locals live as long as the exception, not
# as long as the generator.  contextmanager's __exit__ puts the block's
# traceback back, which lets go of the generator's frame at once.
from contextlib import contextmanager

class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

def worker(name):
    r = Res(name)
    yield 1
    raise KeyError(name)

g = worker("local of a finished generator")
next(g)
try:
    next(g)
except KeyError as e:
    saved = e
    print("caught", repr(e))
print("the generator goes; its locals stay with the exception")
del g
print("the exception goes")
del saved

print("--- thrown in and not caught")
g = worker("local of a thrown-into generator")
next(g)
try:
    g.throw(ValueError("thrown"))
except ValueError as e:
    print("caught", repr(e))
print("after the except block")
del g

print("--- contextmanager: the block's exception goes through the generator")
@contextmanager
def managed(name):
    r = Res(name)
    yield r.name
    print("not reached")

try:
    with managed("local of the manager's generator") as n:
        print("in the block with", n)
        raise IndexError("block")
except IndexError as e:
    print("caught", repr(e))
print("end")
