# A young collection moves objects first found unreachable behind those that reach them; later callbacks show it.
import gc, weakref
gc.disable()
gc.collect()
refs = []
class N:
    def __init__(self, name):
        self.name = name
        refs.append(weakref.ref(self, lambda r, n=name: print("  freed", n)))
c = N("c"); b = N("b"); a = N("a")
a.nxt = b; b.nxt = c
keep = a
del b, c
print("collect(0) ->", gc.collect(0), "(a, b, c survive into generation 1)")
keep.nxt.nxt.nxt = keep
del a, keep
print("collect(1) ->", gc.collect(1))
