# With threshold0 = 10, an automatic gen-0 collection starts when an allocation takes count0 above 10.
import gc
gc.disable()
class C:
    pass
keep = []
marks = []
def cb(phase, info):
    if phase == "start":
        marks.append(len(keep))
gc.set_threshold(10, 1000, 1000)
gc.collect()
gc.callbacks.append(cb)
cyc = C(); cyc.me = cyc        # count0 = 1 (the only GC allocation before the loop)
del cyc
gc.enable()
for i in range(40):
    keep.append(C())           # +1 per instance; the 10th one (count0 = 11) triggers a collection
gc.disable()
after = gc.get_count()
gc.callbacks.remove(cb)
print("collections started at len(keep) =", marks)
print("count after the loop:", after)
gc.set_threshold(700, 10, 10)
