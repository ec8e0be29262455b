# A suspended generator in a cycle: collection runs its finally, which breaks the cycle, so nothing is counted.
import gc
gc.disable()
gc.collect()
class Holder:
    pass
def producer(h):
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")
h = Holder()
g = producer(h)
h.gen = g
for v in g:
    print("got", v)
    break
del g, h
print("collect ->", gc.collect())
print("collect again ->", gc.collect())
