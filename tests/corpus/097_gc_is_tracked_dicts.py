# Dicts start untracked while they hold only atomic values; storing a container tracks them; only a full collection untracks again.
import gc
gc.disable()
class Obj:
    pass
empty = {}
print("empty:", gc.is_tracked(empty))
atoms = {"a": 1, "b": "two", "c": None}
print("atoms only:", gc.is_tracked(atoms))
atoms["d"] = []
print("after storing a list:", gc.is_tracked(atoms))
atoms["d"] = 4
print("list replaced by an int:", gc.is_tracked(atoms))
gc.collect(0)
print("after collect(0):", gc.is_tracked(atoms))
gc.collect()
print("after full collect:", gc.is_tracked(atoms))
print("holds an instance:", gc.is_tracked({"o": Obj()}))
print("instance as key:", gc.is_tracked({Obj(): 1}))
print("dict(...) of atoms:", gc.is_tracked(dict([("x", 1)])))
