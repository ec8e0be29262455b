# vars() shows insertion order, but a materialized split __dict__ still releases values in shared-key order.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __repr__(self):
        return self.tag
    def __del__(self):
        print("  del", self.tag)
class Obj:
    pass
base = Obj()
base.a = 1; base.b = 2; base.c = 3
o = Obj()
o.c = R("c"); o.b = R("b"); o.a = R("a")
print(vars(o))
o.d = R("d")
print(list(vars(o)))
print("del o")
del o
print("end")
