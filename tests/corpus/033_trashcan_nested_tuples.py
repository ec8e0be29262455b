# Nested tuples are freed through the trashcan too: last item first at each level, deferred at depth 50.
import weakref
order = []
refs = []
class Tag:
    def __init__(self, i):
        refs.append(weakref.ref(self, lambda r, i=i: order.append(i)))
t = (Tag(99),)
for i in range(59, -1, -1):
    t = (Tag(i), t)
del t
print(order)
