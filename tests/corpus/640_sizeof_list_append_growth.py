# sys.getsizeof of a list follows list_resize: appends over-allocate (0, 4, 8, 16, 24, 32 ...), pops shrink only below half.
import sys

items = []
print("empty", sys.getsizeof(items))
sizes = []
for i in range(26):
    items.append(i)
    sizes.append(sys.getsizeof(items))
print("append", sizes)
print("room for", (sys.getsizeof(items) - 56) // 8, "items, holding", len(items))
sizes = []
while items:
    items.pop()
    sizes.append(sys.getsizeof(items))
print("pop", sizes)
# an emptied list keeps no room, then grows again from nothing
items.append("x")
print("after refill", sys.getsizeof(items))
items.insert(0, "y")
items.insert(0, "z")
print("insert", sys.getsizeof(items), items)
# the items are not counted: a list of big strs is as big as a list of ints
inner = [x for x in range(1000)]
outer = [inner, inner, inner]
print("shallow", sys.getsizeof(outer), sys.getsizeof(inner), sys.getsizeof([1, 2, 3]))
print("references to inner", sys.getrefcount(inner) - 1)
del outer
print("after del outer", sys.getrefcount(inner) - 1)
