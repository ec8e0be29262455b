# Nested containers die depth first: each container releases its items (in its own order) before the next sibling.
import weakref
log = []
class N:
    def __init__(self, tag):
        self.tag = tag
        self.wr = weakref.ref(self, lambda r, t=tag: log.append(t))
data = [N("a"), {"k": N("b"), "j": [N("c"), N("d")]}, (N("e"), [N("f")]), N("g")]
del data
print(log)
log.clear()
outer = {"x": [N("x0"), N("x1")], "y": {"z": (N("z0"), N("z1"))}}
del outer
print(log)
