# Trashcan on nested lists: depth counts every container, so deferral starts 50 levels down.
import weakref
order = []
refs = []
class Tag:
    def __init__(self, i):
        refs.append(weakref.ref(self, lambda r, i=i: order.append(i)))
nest = [Tag(0)]
cur = nest
for i in range(1, 80):
    inner = [Tag(i)]
    cur.append(inner)
    cur = inner
del cur, inner
del nest
print(order)
