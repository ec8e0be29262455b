# `del a, b, c` unbinds left to right; each object dies as its name goes.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
class Box:
    pass
a = R("a"); b = R("b"); c = R("c")
print("del c, a, b")
del c, a, b
box = Box()
box.x = R("x"); box.y = R("y")
d = {"k1": R("k1"), "k2": R("k2")}
lst = [R("l0"), R("l1"), R("l2")]
print("del box.y, d['k1'], lst[0]")
del box.y, d["k1"], lst[0]
print("del box, d, lst")
del box, d, lst
print("end")
