# A 100000-node chain is freed at once without a recursion crash: the head dies first, the tail last.
import weakref
hits = []
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
head = None
for i in range(100000):
    head = Node(head)
probe = head
for i in range(99999):
    probe = probe.nxt
print("tail has no next:", probe.nxt is None)
tail_ref = weakref.ref(probe, lambda r: hits.append("tail"))
head_ref = weakref.ref(head, lambda r: hits.append("head"))
del probe
print("before:", hits)
head = None
print("after:", hits, head_ref() is None, tail_ref() is None)
