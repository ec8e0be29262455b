# WeakMethod: an event source keeps weak method refs, so observers can die; each dead one unsubscribes itself
import weakref
class Source:
    def __init__(self):
        self.handlers = []
    def subscribe(self, method):
        self.handlers.append(weakref.WeakMethod(method, self.unsubscribe))
    def unsubscribe(self, wm):
        print("unsubscribe, handlers before:", len(self.handlers))
        self.handlers.remove(wm)
    def fire(self, event):
        for wm in list(self.handlers):
            method = wm()
            if method is not None:
                method(event)
class Observer:
    def __init__(self, name):
        self.name = name
    def on_event(self, event):
        print(self.name, "got", event)
    def __del__(self):
        print("del", self.name)
src = Source()
a, b = Observer("a"), Observer("b")
src.subscribe(a.on_event)
src.subscribe(b.on_event)
src.fire("start")
wm = src.handlers[0]
m1, m2 = wm(), wm()
print(m1 == m2, m1 is m2, m1 == a.on_event, m1.__self__ is a, wm == weakref.WeakMethod(a.on_event))
print(weakref.getweakrefcount(a), isinstance(wm, weakref.ref), wm._alive)
del m1, m2
del a
print("after del a:", len(src.handlers), wm(), wm._alive)
src.fire("next")
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
