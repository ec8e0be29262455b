# WeakMethod: its callback runs once, newest weakref first, when the object or the function dies; garbage counts
import gc, weakref
gc.disable()
gc.collect()
class Node:
    def __init__(self, name):
        self.name = name
    def ping(self):
        return "ping " + self.name
    def __del__(self):
        print("del", self.name)
def report(label):
    return lambda wr: print("callback", label, type(wr).__name__, wr())
a = Node("a")
watch = [weakref.WeakMethod(a.ping, report("wm1")), weakref.ref(a, report("ref")),
         weakref.WeakMethod(a.ping, report("wm2"))]
print(weakref.getweakrefcount(a), weakref.getweakrefcount(watch[0]))
del a
print("a is gone")
b = Node("b")
wm = weakref.WeakMethod(b.ping, report("wm3"))
print(wm()())
del Node.ping   # the function dies first: the callback runs, b lives on
print("ping gone:", wm(), wm._alive)
del b           # no second callback
c = Node("c")
c.me = c
c.wm = weakref.WeakMethod(c.__del__, report("never"))   # garbage together with c
del c
print("collected", gc.collect())
d = Node("d")
d.me = d
keep = weakref.WeakMethod(d.__del__, report("kept"))
del d
print("collected", gc.collect())
