# get_referents of a dict: str-keyed dicts give values only; other dicts give value then key per entry.
import gc
class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
d = {"a": Obj("va"), "b": Obj("vb")}
print("str keys:", gc.get_referents(d))
k1 = Obj("k1"); k2 = Obj("k2")
e = {k1: Obj("v1"), k2: Obj("v2")}
print("object keys:", gc.get_referents(e))
print("int keys:", gc.get_referents({1: Obj("one")}))
print("empty list:", gc.get_referents([]))
print("int:", gc.get_referents(5))
