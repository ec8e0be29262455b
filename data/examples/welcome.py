# Welcome to Reclaim.  Press F10 to run this script one statement at a
# time, Shift+F10 to go back; F9 walks a collection phase by phase, and
# F11 steps through every reference-count change.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


gc.disable()

a = Node("a")
b = Node("b")
a.friend = b
b.friend = a
watcher = weakref.ref(a)
del a
del b
print("unreachable:", gc.collect())
print("weak reference:", watcher())
