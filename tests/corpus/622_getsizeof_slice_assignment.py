# A list's size after assignment to a slice: CPython resizes it once, to
# its new length, only when the length changes; a list left empty lets
# its item array go; the items it let go die last to first.
import sys

class Tag:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  freed", self.name)

xs = []
for i in range(10):
    xs.append(i)
print("appended 10:", len(xs), sys.getsizeof(xs))
xs[2:5] = ["a", "b", "c"]
print("same length:", len(xs), sys.getsizeof(xs))
xs[1:3] = list(range(20))
print("grown by 18:", len(xs), sys.getsizeof(xs))
xs[0:25] = []
print("shrunk to 3:", len(xs), sys.getsizeof(xs))
xs[:] = []
print("emptied:", len(xs), sys.getsizeof(xs))
xs[:] = (1, 2)
print("two again:", len(xs), sys.getsizeof(xs))
xs[1:1] = range(7)
print("inserted 7:", len(xs), sys.getsizeof(xs))

tags = [Tag("t%d" % i) for i in range(6)]
print("tags:", sys.getsizeof(tags))
tags[1:5] = [Tag("new")]
print("after replacing four:", [t.name for t in tags], sys.getsizeof(tags))
tags[::2] = [Tag("x"), Tag("y")]
print("every other:", [t.name for t in tags], sys.getsizeof(tags))
ys = list(range(100))
ys[10:90] = ys[:3]
print("big cut:", len(ys), sys.getsizeof(ys))
ys[:] = ys
print("self copy:", len(ys), sys.getsizeof(ys))
