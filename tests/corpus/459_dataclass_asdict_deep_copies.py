# asdict() turns nested dataclasses into dicts and deep-copies the rest: copies made without __init__, shared once
import gc
from dataclasses import dataclass, field, asdict, astuple

class Tag:
    def __init__(self, name):
        print("init", name)
        self.name = name
        self.parts = [name]
    def __del__(self):
        print("del", self.name, "copy" if self.parts is not None and len(self.parts) > 1 else "")
    def __repr__(self):
        return "Tag(%s)" % self.name

@dataclass
class Inner:
    tag: Tag
    same: tuple = (1, "a")

@dataclass
class Outer:
    inner: Inner
    many: list = field(default_factory=list)
    table: dict = field(default_factory=dict)
t = Tag("t")
o = Outer(Inner(t), [t, t], {"k": (t, 2)})
d = asdict(o)
print(d)
print(d["many"][0] is d["many"][1], d["many"][0] is t, d["inner"]["same"] is o.inner.same)
print(vars(d["inner"]["tag"]), d["table"]["k"][0] is d["many"][0])
d["inner"]["tag"].parts.append("copy")
print(astuple(o))
del d
print("dict dropped")
gc.disable()
gc.collect()
copy = asdict(Outer(Inner(t)))["inner"]["tag"]
copy.parts.append(copy)
del copy
print("collected", gc.collect())
