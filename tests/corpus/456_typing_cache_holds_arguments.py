# typing caches what it subscribes (the cache keeps the arguments alive); list[C] and C | None are new objects each time
import gc, weakref
from typing import List, Optional

gc.disable()
gc.collect()

def watch(name):
    return lambda ref: print("collected", name)

class Cached:
    pass
class Fresh:
    pass
class Piped:
    pass
refs = [weakref.ref(Cached, watch("Cached")), weakref.ref(Fresh, watch("Fresh")),
        weakref.ref(Piped, watch("Piped"))]

a = List[Cached]
print(a is List[Cached], Optional[Cached] is Optional[Cached], a.__args__[0] is Cached)
b = list[Fresh]
print(b is list[Fresh], b == list[Fresh], b.__origin__ is list, b.__args__)
c = Piped | None
print(c is Piped | None, c == (Piped | None), type(c).__name__, type(b).__name__)
del a, b, c, Cached, Fresh, Piped
gc.collect()
print([r() is not None for r in refs])

class Point:
    x: int
    y: "Optional[Point]" = None
    tags: List[str]
hints = Point.__annotations__
print(hints, hints["y"] == "Optional[Point]")
print("end")
