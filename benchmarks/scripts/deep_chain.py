# A 100,000-node chain built and freed at once (trashcan), five times over.
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
freed = 0
for rnd in range(5):
    head = None
    for i in range(100000):
        head = Node(head)
    head = None
    freed = freed + 100000
print("freed", freed)
