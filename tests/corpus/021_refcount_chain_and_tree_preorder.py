# A chain or tree of instances dies pre-order: a node's own callback fires before its children die.
import weakref
log = []
class Node:
    def __init__(self, tag, left, right):
        self.left = left
        self.right = right
        self.wr = weakref.ref(self, lambda r, t=tag: log.append(t))
chain = Node("c1", Node("c2", Node("c3", None, None), None), None)
del chain
print(log)
log.clear()
tree = Node("root", Node("L", Node("LL", None, None), Node("LR", None, None)), Node("R", None, Node("RR", None, None)))
del tree
print(log)
