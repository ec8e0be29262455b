# After `del obj.attr` and re-adding it, the attribute keeps its old shared-key slot for death order.
class Item:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
    def __del__(self):
        print("  del", self.name)
class Box:
    pass
b = Box()
b.a = Item("a1"); b.b = Item("b1"); b.c = Item("c1")
print("del b.a")
del b.a
print("vars:", vars(b))
b.a = Item("a2")
print("vars after re-add:", vars(b))
print("del b")
del b
print("end")
