# ---
# title: Generations and automatic collection
# summary: When the cycle collector runs by itself, why survivors are looked at less often, and what gc.freeze does.
# assumes: Lessons 3 and 4: cycles and the cycle detector.
# cpython: 3.11
# minutes: 11
# ---

# %% [markdown]
# Nobody calls `gc.collect()` in most programs, yet cycles get freed. The
# collector runs by itself, driven by counts. Objects it tracks live in
# three **generations**; new ones start in generation 0. When the number
# of allocations minus deallocations since the last collection exceeds the
# first **threshold**, generation 0 is collected. The other two thresholds
# count collections of the generation below.

# %%
import gc
import weakref

print(gc.get_threshold())

# %% [markdown]
# To watch it happen, this cell lowers the first threshold to 10 and puts
# a function in `gc.callbacks`, which CPython calls as each collection
# starts and stops. The loop then allocates sixty nodes.

# %%
class Node:
    pass

gc.disable()
gc.collect()
starts = []

def watch(phase, info):
    if phase == "start":
        starts.append(info["generation"])

keep = []
gc.set_threshold(10, 3, 1000)
gc.callbacks.append(watch)
gc.enable()
for i in range(60):
    keep.append(Node())
gc.disable()
gc.callbacks.remove(watch)

# %% [markdown] predict
# The loop set off several collections by itself. Which generation did
# each of them collect, in order?
# choices: [0, 0, 0, 0, 0, 0] | [0, 0, 0, 1, 0, 0] | [0, 0, 0, 0, 1]

# %%
print(starts)

# %% [markdown]
# Each collection started when the count went past 10. Once generation 0
# had been collected more than 3 times, the next collection took
# generation 1, and generation 0 with it: collecting a generation always
# includes the younger ones.
#
# An object that survives a collection moves to the next generation; this
# is **promotion**. The idea is that most objects die young, so the old
# ones need to be looked at less often. A young collection never looks
# at older objects, not even at an old cycle that has become garbage.

# %% show="a"
gc.set_threshold(700, 10, 10)
a = Node()
a.me = a
print(gc.collect(0))

# %% [markdown] predict
# The cycle survived `collect(0)` because `a` reached it, and moved to
# generation 1. Now delete `a`. What does `gc.collect(0)` return?
# choices: 0 | 1

# %%
del a
print(gc.collect(0))

# %% [markdown]
# The garbage cycle sits in generation 1 until a collection of that
# generation, or an older one, comes along.

# %%
print(gc.collect(1))

# %% [markdown]
# A server that forks worker processes shares its memory with them until
# a page is written to. A collection writes to every object it examines,
# so `gc.freeze()` moves all tracked objects to a **permanent generation**
# that collections skip. Frozen garbage stays, too.

# %% show="w"
b = Node()
b.me = b
w = weakref.ref(b)
gc.freeze()
del b
print(gc.collect(), w() is None, gc.get_freeze_count() > 0)

# %% [markdown] task
# The frozen cycle that `w` watches is garbage. Have it freed.
# goal: w() is None
# missing: The cycle is still alive: frozen objects are never examined by a collection.
# hint: `gc.unfreeze()` puts frozen objects back in the oldest generation.

# %% solution
gc.unfreeze()
gc.collect()

# %% [markdown]
# **In short:** the collector runs when allocations outpace deallocations
# by a threshold, young generation first. Survivors are promoted and looked
# at less often. `gc.freeze()` takes everything out of its sight, until
# `gc.unfreeze()`.

# %%
print(w() is None, gc.get_freeze_count())
gc.enable()
