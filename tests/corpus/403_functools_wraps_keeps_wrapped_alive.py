# functools.wraps copies the wrapped function's name, qualname, doc and
# __dict__ onto the wrapper and sets __wrapped__: the wrapper keeps the
# original function alive through its __dict__, even when the closure no
# longer refers to it.
import functools, gc, sys, weakref

def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    """Add two numbers."""
    return a + b

print(add(2, 3))
print(add.__name__, add.__qualname__, add.__doc__, add.__module__)
print(add.__wrapped__.__name__, add.__wrapped__(1, 1))
print(sorted(vars(add)))
print(repr(add).split(" at ")[0])

# a closure that forgets the function: only __wrapped__ keeps it
def forgetful(func):
    def wrapper():
        return "wrapped call"
    functools.update_wrapper(wrapper, func)
    return wrapper

class Token:
    def __del__(self):
        print("token dies")

def original():
    "original doc"
    return 1
original.token = Token()
original.tag = "copied"
w = forgetful(original)
probe = weakref.ref(original, lambda r: print("original function dies"))
del original
print("wrapper holds it:", probe() is w.__wrapped__)
print(w.tag, w.token is w.__wrapped__.token, w.__doc__)
print("references to the original:", sys.getrefcount(w.__wrapped__) - 1)
del w.__wrapped__
print("after del __wrapped__:", probe())
print("the wrapper still has the copied token:", type(w.token).__name__)
del w
print("wrapper gone")

# __wrapped__ that refers back to its wrapper is a cycle only gc finds
def selfish():
    pass
def shell():
    pass
functools.update_wrapper(shell, selfish)
selfish.back = shell
probe = weakref.ref(shell, lambda r: print("shell collected"))
del selfish, shell
print("collected", gc.collect() > 0)

# wraps() is a partial of update_wrapper
p = functools.wraps(len)
print(type(p).__name__, p.keywords["assigned"], p.keywords["updated"])
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

# assigned and updated can be chosen
def target():
    "target doc"
target.extra = 1
def chosen():
    "chosen doc"
functools.update_wrapper(chosen, target, assigned=("__name__",), updated=())
print(chosen.__name__, chosen.__doc__, hasattr(chosen, "extra"), chosen.__wrapped__ is target)
print("end")
