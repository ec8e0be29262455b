# finalize.detach() cancels the finalizer and returns (obj, func, args); peek() shows them without cancelling.
import weakref
class Res:
    def __init__(self, name):
        self.name = name
def close(tag):
    print("  close", tag)
r = Res("r")
f = weakref.finalize(r, close, "r")
info = f.peek()
print("peek:", info[0].name, info[2], f.alive)
del info
detached = f.detach()
print("detached:", detached[0].name, detached[2], f.alive)
del detached
print("del r (nothing printed)")
del r
print("detach again:", f.detach())
print("end")
