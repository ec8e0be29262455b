# gc.collect() accepts generations 0, 1 and 2 only; anything else raises ValueError.
import gc
gc.disable()
gc.collect()
print("collect(2) ->", gc.collect(2))
try:
    gc.collect(-1)
except ValueError:
    print("collect(-1): ValueError")
print("collect(3) next")
gc.collect(3)
