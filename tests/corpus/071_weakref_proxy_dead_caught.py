# ReferenceError from a dead proxy can be caught; a proxy's callback receives the proxy.
import weakref
class Obj:
    def __init__(self):
        self.value = 1
    def get(self):
        return self.value
got = []
o = Obj()
p = weakref.proxy(o, lambda r: got.append(r))
print("get:", p.get())
del o
print("callback got the proxy:", got[0] is p)
try:
    p.value
except ReferenceError:
    print("ReferenceError on attribute")
try:
    p.get()
except ReferenceError:
    print("ReferenceError on method")
print("end")
