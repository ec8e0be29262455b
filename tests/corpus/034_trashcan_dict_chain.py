# A chain of dicts (key "tag" then key "next") is freed with trashcan deferral after 50 levels.
import weakref
order = []
refs = []
class Tag:
    def __init__(self, i):
        refs.append(weakref.ref(self, lambda r, i=i: order.append(i)))
d = None
for i in range(57, -1, -1):
    d = {"tag": Tag(i), "next": d}
del d
print(order)
