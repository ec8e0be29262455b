# A keyword-only default that refers back to its function makes a cycle
# (function -> __kwdefaults__ dict -> function): deleting the name frees
# nothing, the cycle collector does, and a finalizer inside it runs first.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def handler(*, me=None, payload=Node("payload")):
    return me


handler.__kwdefaults__["me"] = handler
print(handler() is handler, gc.is_tracked(handler.__kwdefaults__))
watch = weakref.ref(handler, lambda r: print("callback: handler is gone"))
gc.collect()
print("del handler")
del handler
print("still there:", watch() is not None)
print("collected", gc.collect())
print("after:", watch())


# the same through a positional default and a lambda: both cycles go
# in one collection
def first(a=None, /):
    return a


first.__defaults__ = (first,)
second = lambda *, again=None: again
second.__kwdefaults__ = {"again": second, "extra": Node("extra")}
print(first() is first, second() is second)
del first, second
print("collected", gc.collect())
print("end")
