# namedtuple(defaults=...) fills the last fields: the class holds the
# default values (in _field_defaults), so every instance made without
# them shares the same objects, which live as long as the class.
# rename=True replaces bad field names with _INDEX; module= sets
# __module__.
import collections, gc, sys


class Tag:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Tag(%s)" % self.name

    def __del__(self):
        print("del", self.name)


Point = collections.namedtuple("Point", "x y tag", defaults=[0, Tag("origin")])
print(Point(1), Point(1, 2), Point(1, 2, Tag("own")))
print(Point._field_defaults)
print(Point(3).tag is Point(4).tag, sys.getrefcount(Point._field_defaults["tag"]))
print(Point(x=1, tag=None))
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    collections.namedtuple("Bad", "a", defaults=(1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    collections.namedtuple("Bad", "a", colour="red")
except TypeError as e:
    print("TypeError:", e)

Row = collections.namedtuple("Row", ["id", "class", "id", "_hidden", "name"], rename=True)
print(Row._fields, Row(1, 2, 3, 4, 5))
try:
    collections.namedtuple("Row", ["id", "_hidden"])
except ValueError as e:
    print("ValueError:", e)

Shape = collections.namedtuple("Shape", "sides", module="geometry")
print(Shape.__module__, Shape(3), repr(Shape))

print("dropping the class")
del Point
gc.collect()
print("end")
