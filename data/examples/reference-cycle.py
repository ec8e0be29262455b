# Reclaim's first example: a chain, a cycle and a weak reference.
# Run it with `reclaim-cli run reference-cycle.py --trace trace.jsonl`
# to see every reference count change and each phase of the collector.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


gc.disable()                      # collect only when asked, to watch it happen

head = Node("head")
head.next = Node("tail")
print("dropping the chain")
del head                          # reference counting frees both at once

a = Node("a")
b = Node("b")
a.partner = b
b.partner = a                     # a reference cycle
watch = weakref.ref(a, lambda ref: print("a is gone, said its weak reference"))
print("dropping the cycle")
del a, b                          # the counts stay at 1: nothing is freed
print("collecting:", gc.collect(), "objects were unreachable")
print("the weak reference now gives", watch())
