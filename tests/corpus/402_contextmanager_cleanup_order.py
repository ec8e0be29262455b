# contextlib.contextmanager: the code before the yield runs at __enter__,
# the code after it at __exit__; an exception in the block is thrown into
# the generator at its yield, and the generator decides whether it goes on.
from contextlib import contextmanager
import sys

class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

@contextmanager
def opened(name):
    """Open a resource."""
    print("enter", name)
    r = Res(name)
    try:
        yield r
    finally:
        print("exit", name)
        del r
    print("after the try", name)

with opened("a") as a:
    print("in the block", a.name)
    del a
print("---")
try:
    with opened("b") as b:
        del b
        raise ValueError("in b")
except ValueError as e:
    print("caught", repr(e))
print("---")

@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", repr(e))
    print("generator ends")

with swallow(KeyError):
    raise KeyError("k")
print("went on after the with")
try:
    with swallow(KeyError):
        raise IndexError("not mine")
except IndexError as e:
    print("passed through", repr(e))
print("---")

# nested managers unwind innermost first
with opened("outer"), opened("inner"):
    print("both open")
print("---")

# what the manager object holds, before and after __enter__
m = opened("m")
print(sorted(vars(m)))
print(m.func.__name__)
print(m.args, m.kwds, m.__doc__)
print(type(m).__name__, type(m.gen).__name__)
res = m.__enter__()
print(sorted(vars(m)))
print(m.__exit__(None, None, None))
del res
print("---")

@contextmanager
def no_doc():
    yield 1
print(no_doc().__doc__)

# the errors contextmanager reports
@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print(repr(e))
@contextmanager
def never():
    if False:
        yield
try:
    with never():
        print("not reached")
except RuntimeError as e:
    print(repr(e), e.__suppress_context__)
@contextmanager
def keeps_going():
    while True:
        try:
            yield
        except ValueError:
            print("ignored")
try:
    with keeps_going():
        raise ValueError
except RuntimeError as e:
    print(repr(e))

# a different exception raised while handling replaces the block's one
@contextmanager
def converts():
    try:
        yield
    except KeyError as e:
        raise TypeError("converted") from e
try:
    with converts():
        raise KeyError("original")
except TypeError as e:
    print(repr(e), repr(e.__cause__))

# StopIteration raised in the block is not swallowed
@contextmanager
def plain():
    yield
try:
    with plain():
        raise StopIteration("mine")
except StopIteration as e:
    print("StopIteration goes on", e)
print("end")
