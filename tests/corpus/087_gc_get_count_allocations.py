# get_count() moves with allocations of GC objects (instances, lists, stored result tuples), and resets on collect.
import gc
gc.disable()
class C:
    pass
gc.collect()
# After a full collection the free lists are empty, so each stored tuple below is a new GC object (+1).
c0 = gc.get_count()            # (0, 0, 0), read before its own tuple exists
x = C()                        # +1 instance, +1 tuple c0
c1 = gc.get_count()
objs = [C(), C(), C()]         # +3 instances, +1 list, +1 tuple c1
c2 = gc.get_count()
del x                          # -1 instance freed, +1 tuple c2
c3 = gc.get_count()
n = 12345                      # ints and strings are not GC objects
s = "text" + "more"
c4 = gc.get_count()            # +1 tuple c3
gc.collect(0)                  # count0 -> 0, count1 + 1
c5 = gc.get_count()
gc.collect(1)                  # count0, count1 -> 0, count2 + 1
c6 = gc.get_count()
gc.collect()                   # all -> 0
c7 = gc.get_count()
print(c0, c1, c2, c3, c4)
print(c5, c6, c7)
