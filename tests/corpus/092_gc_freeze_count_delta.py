# get_freeze_count() grows by exactly the number of tracked objects frozen by a later freeze().
import gc
gc.disable()
gc.collect()
class Obj:
    pass
gc.freeze()
base = gc.get_freeze_count()
objs = [Obj(), Obj(), Obj()]
d = {"k": objs}
plain = {"n": 1}
gc.freeze()
print("newly frozen:", gc.get_freeze_count() - base)
print("untracked dict not frozen:", gc.is_tracked(plain))
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
gc.freeze()
print("refreeze count is positive:", gc.get_freeze_count() > 0)
gc.unfreeze()
