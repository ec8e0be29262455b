# At exit an object reached only through a later-created one is finalized after it (moved by the exit collection).
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
inner = Obj("inner")
outer = Obj("outer")
outer.inner = inner
del inner
last = Obj("last")
items = [Obj("item0"), Obj("item1")]
print("end of script")
