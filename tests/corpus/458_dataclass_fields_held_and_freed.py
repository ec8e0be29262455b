# dataclass instances hold their fields (freed in field order); a default_factory makes a new object per instance
import gc
from dataclasses import dataclass, field, asdict

class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("del", self.tag)
    def __repr__(self):
        return self.tag

def make_log():
    print("factory")
    return []

@dataclass
class Box:
    first: R
    second: R = field(default_factory=lambda: R("made"))
    log: list = field(default_factory=make_log)
    shared: tuple = ()

a = Box(R("a1"))
b = Box(R("b1"), R("b2"))
print(a.log is b.log, a.shared is b.shared, a.second)
del a
print("a gone")
b.first = R("b3")
print("rebound")
d = asdict(Box(1, 2, [R("in list")]))
print(d, type(d["log"]).__name__)
del d
gc.disable()
gc.collect()
c = Box(R("cyc"))
c.log.append(c)
del c
print("collected", gc.collect())
print("end")
