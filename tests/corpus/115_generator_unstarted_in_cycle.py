# Finalizing a generator clears its frame; if that breaks the cycle nothing is counted, else the generator counts.
import gc
gc.disable()
gc.collect()
class Owner:
    pass
def produce(owner):
    try:
        yield 1
    finally:
        print("  never printed: the body never started")
o = Owner()
o.gen = produce(o)
del o
print("unstarted, cycle through its frame ->", gc.collect())
def plain():
    try:
        yield 1
    finally:
        print("  finally of plain")
p = Owner()
p.me = p
p.gen = plain()
for v in p.gen:
    break
del p
print("cycle not through the generator ->", gc.collect())
