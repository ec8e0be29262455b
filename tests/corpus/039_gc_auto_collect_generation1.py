# Automatic collections: gen 0 each time count0 > 5; gen 1 instead once count1 > 2 (every third time).
import gc
gc.disable()
class C:
    pass
keep = []
gens = []
def cb(phase, info):
    if phase == "start":
        gens.append(info["generation"])
gc.set_threshold(5, 2, 1000)
gc.collect()
gc.callbacks.append(cb)
gc.enable()
for i in range(60):
    keep.append(C())
gc.disable()
after = gc.get_count()
gc.callbacks.remove(cb)
print("generations:", gens)
print("count after:", after)
gc.set_threshold(700, 10, 10)
