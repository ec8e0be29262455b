# Trashcan: freeing a 60-node chain defers the node at depth 50, so leaves 0..48 die before node 49's leaf.
import weakref
order = []
refs = []
class Leaf:
    def __init__(self, i):
        refs.append(weakref.ref(self, lambda r, i=i: order.append(f"L{i}")))
class Node:
    def __init__(self, i, nxt):
        self.leaf = Leaf(i)
        self.nxt = nxt
        refs.append(weakref.ref(self, lambda r, i=i: order.append(f"N{i}")))
head = None
for i in range(59, -1, -1):
    head = Node(i, head)
del head
print(order)
