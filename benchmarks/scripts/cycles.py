# 500,000 garbage cycles (pairs of instances) built with the collector off, then one gc.collect().
import gc
gc.disable()
class Node:
    pass
for i in range(500000):
    a = Node()
    b = Node()
    a.peer = b
    b.peer = a
del a, b
print("collected", gc.collect())
