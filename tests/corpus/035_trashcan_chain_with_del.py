# __del__ and the trashcan: node 49's leaf and node 50 are deferred; the leaf (deferred last) runs first.
class Leaf:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        seen.append(f"L{self.i}")
class Node:
    def __init__(self, i, nxt):
        self.i = i
        self.nxt = nxt
        self.leaf = Leaf(i)
    def __del__(self):
        seen.append(f"N{self.i}")
seen = []
head = None
for i in range(53, -1, -1):
    head = Node(i, head)
print("freeing")
head = None
print(seen)
