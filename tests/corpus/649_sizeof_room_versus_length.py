# Sizes tell room, not length: equal lists made differently differ; an instance's __dict__ has room its class shares out.
import gc
import sys

gc.disable()
built = []
for i in range(9):
    built.append(i)
literal = [0, 1, 2, 3, 4, 5, 6, 7, 8]
converted = list(range(9))
sliced = built[:]
print("equal", built == literal == converted == sliced)
for name, lst in [("append", built), ("literal", literal), ("list()", converted), ("slice", sliced)]:
    print(name, len(lst), sys.getsizeof(lst), (sys.getsizeof(lst) - 56) // 8 - len(lst), "spare")
print("tracked", gc.is_tracked(built), gc.is_tracked(literal), gc.is_tracked({}), gc.is_tracked({"a": []}))
table = {}
for i in range(100):
    table[i] = None
big = sys.getsizeof(table)
for i in range(100):
    del table[i]
print("emptied dict keeps its table", sys.getsizeof(table) == big, len(table))
table["again"] = 1
print("one key later", sys.getsizeof(table) == big)
table.clear()
print("clear gives it back", sys.getsizeof(table))
holder = [built]
print("a list holding a list", sys.getsizeof(holder), sys.getrefcount(built) - 1)
del holder
print("refcount back", sys.getrefcount(built) - 1)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

first = Point(0, 0)
print("instance __dict__", sys.getsizeof(vars(first)), end=" ")
more = [Point(i, i) for i in range(5)]
print("after 5 more instances", sys.getsizeof(vars(first)), sys.getsizeof(first))
