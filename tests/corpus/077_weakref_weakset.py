# A WeakSet forgets members as they die; membership and len reflect it at once.
import weakref
class M:
    def __init__(self, name):
        self.name = name
ws = weakref.WeakSet()
x = M("x"); y = M("y"); z = M("z")
ws.add(x); ws.add(y); ws.add(z); ws.add(x)
print("len:", len(ws), "y in ws:", y in ws)
del y
print("after del y:", len(ws))
print("names:", sorted([m.name for m in ws]))
ws.discard(x)
print("after discard x:", len(ws), x in ws)
del z
print("after del z:", len(ws))
