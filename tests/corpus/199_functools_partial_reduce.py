# functools.partial holds its function and arguments; reduce folds.
import functools
import gc
import sys
from functools import partial, reduce


class Listener:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Listener({self.name!r})"

    def __del__(self):
        print("del", self.name)


def notify(listener, event, level=0):
    return f"{listener.name} got {event} at {level}"


print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10), reduce(max, "abc"))
print(functools.reduce(lambda acc, x: acc + [x * x], range(4), []))
for bad in (lambda: reduce(max, []), lambda: reduce(max), lambda: reduce(max, 5), lambda: partial(),
            lambda: partial(3)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

a = Listener("a")
print(sys.getrefcount(a))
p = partial(notify, a, level=2)
print(sys.getrefcount(a))
print(p("save"), p("load", level=5))
print(p.args, p.keywords, p.func is notify, type(p))
q = partial(p, "quit")
print(q.args, q.keywords, q.func is notify, q())
print(repr(partial(len, [1]))[:22], repr(partial(max, 1, key=None))[-10:])
del a
print("partials keep a")
del p
print("p gone")
del q
print("q gone")

# a partial in a cycle with its argument: only the collector frees them
b = Listener("b")
b.callback = partial(notify, b)
del b
print("b in a cycle")
print(gc.collect() > 0)
print("end")
