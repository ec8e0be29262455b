# Instance attributes die in the class's shared-key order (first instance's order), not per-instance insertion order.
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)
first = Node("first")
first.p = Node("p1"); first.q = Node("q1"); first.r = Node("r1")
second = Node("second")
second.r = Node("r2"); second.q = Node("q2"); second.p = Node("p2")
print("vars order of second:", list(vars(second)))
print("del first")
del first
print("del second")
del second
print("end")
