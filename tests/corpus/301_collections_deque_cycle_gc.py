# A deque is a container the collector traverses: a cycle through a deque
# is collected by gc.collect(), and the deque supports weak references.
import gc
import sys
import weakref
from collections import deque


class Node:
    def __init__(self, name):
        self.name = name
        self.queue = deque()

    def __del__(self):
        print("del", self.name)


gc.collect()
gc.disable()
d = deque()
print(gc.is_tracked(d), sys.getrefcount(d))
w = weakref.ref(d, lambda r: print("callback: the deque is gone"))

a = Node("a")
b = Node("b")
a.queue.append(b)
b.queue.append(a)
d.append(a)
print(gc.get_referents(d) == [a], sys.getrefcount(a))
del a, b
d.clear()
print("cleared; the nodes still hold each other")
print("collected", gc.collect())

print("-- a deque that holds itself")
d.append(d)
d.append(Node("c"))
print(d.count(d), len(d))
del d
print("deleted")
print("collected", gc.collect())
print(w())
gc.enable()
