# An instance whose __dict__ was materialized (vars(), __dict__) counts as 2 collected objects.
import gc
gc.disable()
gc.collect()
class C:
    pass
plain = C(); plain.me = plain
del plain
print("plain ->", gc.collect())
viewed = C(); viewed.me = viewed
vars(viewed)
del viewed
print("after vars() ->", gc.collect())
a = C(); b = C(); a.b = b; b.a = a
a.__dict__
del a, b
print("pair, one dict ->", gc.collect())
