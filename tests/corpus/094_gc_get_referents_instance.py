# get_referents of an instance: its attribute values in shared-key order, then its class.
import gc
class Part:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Part(" + self.name + ")"
class Machine:
    pass
first = Machine()
first.engine = 0; first.wheel = 0
m = Machine()
m.wheel = Part("wheel")
m.engine = Part("engine")
m.count = 4
refs = gc.get_referents(m)
print(len(refs), refs[0], refs[1], refs[3] is Machine)
print(refs[2] == 4)
lst = [Part("a"), Part("b")]
print("list:", gc.get_referents(lst))
t = (Part("x"), Part("y"))
print("tuple:", gc.get_referents(t))
