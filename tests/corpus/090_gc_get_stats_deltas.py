# get_stats() counts collections, collected and uncollectable per generation (deltas are shown).
import gc
gc.disable()
gc.collect()
class Obj:
    pass
def snapshot():
    return [(s["collections"], s["collected"], s["uncollectable"]) for s in gc.get_stats()]
before = snapshot()
a = Obj(); a.me = a
del a
gc.collect(0)
b = Obj(); c = Obj(); b.c = c; c.b = b
del b, c
gc.collect(1)
gc.collect(1)
d = Obj(); d.me = d
del d
gc.collect()
after = snapshot()
for gen in range(3):
    print("gen", gen, "collections +", after[gen][0] - before[gen][0],
          "collected +", after[gen][1] - before[gen][1], "uncollectable +", after[gen][2] - before[gen][2])
print("keys:", sorted(gc.get_stats()[0].keys()))
