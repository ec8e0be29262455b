# A method of a class defined inside a function names its class.
def make():
    class Node:
        def __init__(self, n):
            self.n = n
        def copy(self):
            return Node(self.n + 1)
        def __repr__(self):
            return 'Node(%d)' % self.n
    return Node

Node = make()
print(Node(1).copy())
