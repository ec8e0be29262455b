# @property with a setter and a deleter: the property is a data
# descriptor, so it wins over the instance's own attributes, and the
# values it stores die when the deleter drops them.
import sys


class Value:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Box:
    def __init__(self):
        self._item = None

    @property
    def item(self):
        "the item in the box"
        print("get")
        return self._item

    @item.setter
    def item(self, value):
        print("set", value.name)
        self._item = value

    @item.deleter
    def item(self):
        print("delete")
        del self._item


box = Box()
box.item = Value("a")
print(box.item.name)
box.item = Value("b")          # the old value dies when replaced
print("refs of b:", sys.getrefcount(box.item))
del box.item                   # the deleter drops b
print(hasattr(box, "_item"))
box.__dict__["item"] = "shadow"
box.item = Value("c")          # still goes through the setter
print(box.__dict__["item"], box._item.name)
print(type(Box.item).__name__, Box.item.__doc__)
print(Box.item.fget.__name__, Box.item.fset.__name__, Box.item.fdel.__name__)
p = Box.__dict__["item"]
print(p is Box.item, p.getter(None).fget.__name__, p.setter(None).fdel.__name__)


class ReadOnly:
    @property
    def size(self):
        return 3

    blank = property()
    doc = property(lambda self: 1, None, None, "docstring")


r = ReadOnly()
print(r.size, ReadOnly.doc.__doc__)
for action in (lambda: setattr(r, "size", 4), lambda: delattr(r, "size"),
               lambda: r.blank, lambda: setattr(r, "blank", 1)):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
del box
print("end")
