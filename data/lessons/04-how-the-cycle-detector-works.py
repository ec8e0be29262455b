# ---
# title: How the cycle detector finds garbage
# summary: Phase by phase through one collection: gc_refs, subtract_refs and the move to unreachable.
# assumes: Lesson 3: circular references.
# cpython: 3.11
# minutes: 12
# ---

# %% [markdown]
# This is the example CPython's developer guide uses to explain its cycle
# collector. A first `gc.collect()` clears whatever start-up left behind
# and moves every surviving object to the oldest generation, so that the
# links made next are alone in the youngest one, generation 0.

# %%
import gc

class Link:
    def __init__(self, next_link=None):
        self.next_link = next_link

def links_alive():
    return len([o for o in gc.get_objects() if isinstance(o, Link)])

print("startup garbage:", gc.collect())

# %% [markdown]
# Three links form a ring, and the name `A` still reaches it. A fourth
# link refers only to itself, and no name reaches it. Both structures are
# cycles; only the second is garbage.

# %% show="A"
link_3 = Link()
link_2 = Link(link_3)
link_1 = Link(link_2)
link_3.next_link = link_1
A = link_1
del link_1, link_2, link_3

link_4 = Link()
link_4.next_link = link_4
del link_4

# %% [markdown]
# `gc.collect(0)` collects generation 0 only. The collector cannot know
# which references come from outside a group of objects, because C code
# holds references it never declares. So it counts the ones from inside
# instead. First, **update_refs** copies each object's reference count
# into a scratch field, `gc_refs`, shown on each card.

# %% [markdown] predict
# How many objects will this collection find unreachable?
# choices: 0 | 1 | 4

# %% phase="update_refs"
print(gc.collect(0))

# %% [markdown] phase="subtract_refs"
# **subtract_refs** visits every object of the generation and, for each
# reference it holds to another object of the generation, takes one off
# that object's `gc_refs`. What is left counts references from outside:
# `link_1` keeps the one from `A`, which lives in the module's namespace,
# an older object. The other links have nothing left.

# %% [markdown] phase="move_unreachable"
# An object with `gc_refs` above zero is certainly reachable.
# **move_unreachable** starts from those and follows their references:
# from `link_1` it reaches `link_2`, then `link_3`, and keeps them. What it
# never reaches, `link_4`, ends in the *unreachable* list.

# %% [markdown] phase="delete_garbage"
# `Link` has no `__del__` and no weak reference points at `link_4`, so the
# phases between have nothing to do. **delete_garbage** clears the
# references of each unreachable object. That drops `link_4`'s count to
# zero, and ordinary reference counting frees it.

# %% [markdown] predict
# How many links are still alive after that collection?

# %%
print(links_alive())

# %% [markdown]
# The survivors moved up to generation 1: they proved they live for a
# while, so young collections stop looking at them (lesson 8).

# %% [markdown] task
# Make the ring of three links garbage, so that after a full collection
# no link is left alive.
# goal: (gc.collect(), links_alive())[1] == 0
# missing: Links are still alive after a collection: a name still reaches the ring.
# hint: Which name still reaches `link_1`?

# %% solution
del A

# %% [markdown]
# **In short:** the collector subtracts the references found inside a
# generation from each object's count. Whatever keeps a positive count is
# reached from outside; whatever those reach survives; the rest is garbage
# and is cleared. No list of roots is ever needed.

# %%
print(gc.collect(), links_alive())
