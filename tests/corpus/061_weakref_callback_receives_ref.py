# A callback receives the (already dead) weakref object itself.
import weakref
class Obj:
    pass
seen = []
def on_death(ref):
    seen.append(ref)
    print("  callback: ref() is None:", ref() is None)
o = Obj()
w = weakref.ref(o, on_death)
print("w() is o:", w() is o)
del o
print("same ref passed:", seen[0] is w)
