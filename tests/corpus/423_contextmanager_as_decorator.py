# A manager made by a @contextmanager function can decorate a function
# (ContextDecorator): every call makes a fresh manager with _recreate_cm(),
# whose generator runs around the call; the first manager's generator
# is never started.  The function @contextmanager returns is a function
# wrapped with functools.wraps: __wrapped__ is the generator function.
import contextlib, gc, sys, weakref


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


@contextlib.contextmanager
def opened(name):
    """Open and close a resource."""
    res = Resource(name)
    print("open", name)
    try:
        yield res
    except ValueError as e:
        print("handled", e)
    finally:
        print("close", name)


print(opened.__name__, opened.__qualname__, opened.__doc__, opened.__module__)
print(callable(opened), opened.__wrapped__.__name__, opened.__wrapped__ is not opened)
print(repr(opened).startswith("<function opened at 0x"), "__wrapped__" in vars(opened))

manager = opened("first")
print(isinstance(manager, contextlib.ContextDecorator))
first_gen = weakref.ref(manager.gen)


@manager
def work(n):
    """Do the work."""
    print("working", n)
    if n < 0:
        raise ValueError("negative")
    return n * 2


print(work.__name__, work.__doc__, work.__wrapped__.__name__, repr(work).startswith("<function work at"))
print(work(1))
print(work(2))
print(work(-1))
print("the first generator never ran:", first_gen() is not None)
del manager
print("the decorated function keeps the manager:", first_gen() is not None)
del work
gc.collect()
print("after del work:", first_gen())


@opened("per-call")
def fails():
    raise KeyError("k")


try:
    fails()
except KeyError as e:
    print("KeyError:", e)


@contextlib.contextmanager
def no_yield():
    if False:
        yield


@no_yield()
def never():
    print("never runs")


try:
    never()
except RuntimeError as e:
    print("RuntimeError:", e)

cm = opened("used")
with cm as res:
    print("inside", res.name)
try:
    cm._recreate_cm()
except AttributeError as e:
    print("AttributeError:", e)
print("end")
