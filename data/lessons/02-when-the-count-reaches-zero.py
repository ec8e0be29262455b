# ---
# title: When the count reaches zero
# summary: CPython frees an object the moment its last reference goes, and the frees cascade.
# assumes: Lesson 1: names are references.
# cpython: 3.11
# minutes: 11
# ---

# %% [markdown]
# To watch objects die, give a class a `__del__` method. CPython calls it
# just before it frees an instance. This one writes the node's name into the
# list `freed`, so the script can print what has gone and when.

# %%
class Node:
    def __init__(self, name, next=None):
        self.name = name
        self.next = next

    def __del__(self):
        freed.append(self.name)

freed = []
a = Node("a")
print(freed)

# %% [markdown] predict
# `a` is the only reference to its node. What does `freed` hold right
# after `del a`?
# choices: [] | ['a']

# %%
del a
print(freed)

# %% [markdown]
# There was no waiting and no collector run: the reference count reached
# zero inside `del`, and CPython freed the object on the spot. Most
# objects in a Python program die this way.
#
# But `del` removes a **name**, not an object. When another reference still
# reaches the object, nothing is freed.

# %% [markdown] predict
# `x` and `y` label one node. What does this cell print?
# choices: ['a', 'x'] | ['a']

# %% show="y"
x = Node("x")
y = x
del x
print(freed)

# %% [markdown]
# Freeing an object drops the references it held, and that can bring other
# counts to zero: the frees **cascade**. Here three nodes form a chain,
# and only `head` reaches it.

# %% show="head"
head = Node("head", Node("middle", Node("tail")))
freed.clear()

# %% [markdown] predict
# In which order are the three nodes freed by `del head`?
# choices: ['head', 'middle', 'tail'] | ['tail', 'middle', 'head']

# %%
del head
print(freed)

# %% [markdown]
# `head` goes first: its `__del__` runs, then CPython clears its
# attributes, which drops the last reference to `middle`, and so on down
# the chain. One `del` freed three objects.
#
# Rebinding a name drops a reference in the same way as `del`, and so does
# returning from a function, whose local names go with its frame.

# %%
def work():
    scratch = Node("scratch")
    return len(scratch.name)

y = Node("second")
print(freed)
print(work(), freed)

# %% show="keep, alias"
keep = Node("kept")
alias = keep

# %% [markdown] task
# The node `keep` labels has a second name, `alias`. Free it with `del`
# alone, so that `"kept"` appears in `freed`.
# goal: "kept" in freed
# missing: The node "kept" is still alive: some name still reaches it.
# hint: `del` can remove several names at once: `del p, q`.

# %% solution
del keep, alias

# %% [markdown]
# **In short:** an object dies when its reference count reaches zero, right
# then, and its death drops the references it held. `del`, rebinding and
# returning from a function all remove references; none of them destroys
# an object that something else still reaches.

# %%
print(freed)
