# get_referrers finds every tracked container pointing at an object, including the module's globals dict.
import gc
class Obj:
    pass
target = Obj()
holder = Obj()
holder.t = target
box = [target]
table = {"t": target}
found = gc.get_referrers(target)
print("how many:", len(found))
print("holder:", holder in found, "box:", box in found, "table:", table in found)
print("dicts among them:", len([r for r in found if isinstance(r, dict)]))
del found
def helper():
    loner = Obj()
    return len(gc.get_referrers(loner))
print("a local only has:", helper())
