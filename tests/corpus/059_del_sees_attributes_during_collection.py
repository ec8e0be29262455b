# During a collection every __del__ runs before any tp_clear, so attributes are still intact.
import gc
gc.disable()
gc.collect()
class Part:
    def __init__(self, name, items):
        self.name = name
        self.items = items
    def __del__(self):
        print("  __del__", self.name, "items:", len(self.items), "peer:", self.peer.name)
one = Part("one", [1, 2]); two = Part("two", [3])
one.peer = two; two.peer = one
del one, two
print("collect ->", gc.collect())
