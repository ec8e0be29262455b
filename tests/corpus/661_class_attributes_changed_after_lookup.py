# Class attributes looked up many times, then changed: every lookup after a
# change sees the new value (method replaced, deleted, added to a base,
# counters kept on the class, classes made again with the same names).
import gc
import weakref


class Base:
    kind = "base"

    def greet(self):
        return "base greet"


class Child(Base):
    def __init__(self, n):
        self.n = n

    def greet(self):
        return "child greet " + str(self.n)


c = Child(1)
for i in range(3):
    print(c.greet(), c.kind)


def loud(self):
    return "loud " + str(self.n)


Child.greet = loud
print(c.greet())
del Child.greet
print(c.greet())
Base.greet = lambda self: "new base greet"
print(c.greet())
Base.kind = "changed"
print(c.kind, Child.kind)
Child.kind = "own"
print(c.kind, Base.kind)
c.kind = "instance"
print(c.kind)
del c.kind
print(c.kind)
del Child.kind
print(c.kind)

print(hasattr(c, "extra"))
Base.extra = 5
print(c.extra, hasattr(c, "extra"))


class Counter:
    made = 0

    def __init__(self):
        Counter.made = Counter.made + 1
        self.number = self.made


counters = [Counter() for i in range(5)]
print([k.number for k in counters], Counter.made)


def old_init(self, n):
    self.n = n * 10


Child.__init__ = old_init
print(Child(4).n)
del Child.__init__
try:
    Child(4)
except TypeError as e:
    print("TypeError:", e)


def make(tag):
    class Made:
        label = tag

        def show(self):
            return "made " + self.label

    return Made


results = []
for tag in ["a", "b", "c", "d"]:
    cls = make(tag)
    obj = cls()
    results.append(obj.show())
    watch = weakref.ref(cls, lambda r, tag=tag: print("class", tag, "freed"))
    del obj, cls
    gc.collect()
print(results)

names = ["first", "second", "third"]


class Holder:
    first = 1
    second = 2
    third = 3


h = Holder()
total = 0
for i in range(9):
    name = names[i % 3] + ""
    total = total + getattr(h, name)
    if i == 4:
        setattr(Holder, "third", 30)
print(total)
