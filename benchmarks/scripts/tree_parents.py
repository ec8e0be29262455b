# A 100,000-node tree whose children point back at their parent: every
# node is in a cycle, so deleting the root leaves it all to the collector.
import gc

class Node:
    def __init__(self, parent):
        self.parent = parent
        self.children = []

root = Node(None)
level = [root]
made = 1
while made < 100000:
    next_level = []
    for parent in level:
        for _ in range(4):
            if made >= 100000:
                break
            child = Node(parent)
            parent.children.append(child)
            next_level.append(child)
            made = made + 1
    level = next_level
del level, next_level, parent, child
del root
print("nodes", made, "collected", gc.collect() > 0)
