# Using a proxy after its object died raises ReferenceError; uncaught, it ends the script with status 1.
import weakref
class Obj:
    def __init__(self):
        self.value = 42
o = Obj()
p = weakref.proxy(o)
print("value:", p.value)
del o
print("object gone, now touching the proxy")
print(p.value)
print("never printed")
