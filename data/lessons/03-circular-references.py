# ---
# title: Circular references
# summary: Objects that reach each other keep their counts above zero, and del alone never frees them.
# assumes: Lessons 1 and 2: reference counts, and frees on reaching zero.
# cpython: 3.11
# minutes: 12
# ---

# %% [markdown]
# Reference counting has a blind spot. To see it without interference, we
# first switch off CPython's automatic cycle collection with
# `gc.disable()`; lesson 8 shows when it runs on its own.
#
# Two nodes that refer to each other form a **cycle**.

# %% show="a, b"
import gc
import sys

gc.disable()

class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None

    def __del__(self):
        freed.append(self.name)

freed = []
a = Node("a")
b = Node("b")
a.partner = b
b.partner = a

# %% [markdown] predict
# Node `a` is reached by the name `a` and by `b.partner`. What does
# `sys.getrefcount(a)` print?

# %%
print(sys.getrefcount(a))

# %% [markdown] predict
# Now delete both names. What does `freed` hold afterwards?
# choices: [] | ['a', 'b'] | ['a']

# %%
del a, b
print(freed)

# %% [markdown]
# Nothing was freed. Each node still holds a reference to the other, so
# neither count reaches zero. No name in the program reaches them any more:
# they are **garbage**, but reference counting cannot tell. This is a leak.
#
# `gc.get_objects()` lists the objects the collector tracks, and the two
# nodes are still among them.

# %%
def count_nodes():
    return len([o for o in gc.get_objects() if isinstance(o, Node)])

print(count_nodes())

# %% [markdown]
# A leak like this grows each time the code that makes it runs. A loop
# that builds a hundred pairs and drops them leaves a hundred pairs behind.

# %%
for i in range(100):
    p = Node("p")
    q = Node("q")
    p.partner = q
    q.partner = p
del p, q
print(count_nodes())

# %% [markdown] predict
# The cycle collector exists for exactly this case. `gc.collect()` returns
# how many unreachable objects it found. What does it return here?

# %%
print(gc.collect())
print(count_nodes(), len(freed))

# %% [markdown]
# It found all 202 nodes, ran their `__del__` methods and freed them. A
# cycle needs no second object either: a list that contains itself is a
# cycle of one.

# %%
loop = []
loop.append(loop)
del loop
print(gc.collect())

# %% show="x, y"
x = Node("x")
y = Node("y")
x.partner = y
y.partner = x

# %% [markdown] task
# The nodes `x` and `y` refer to each other. Free both without calling
# `gc.collect()`: break the cycle first, then remove the names.
# goal: "x" in freed and "y" in freed
# missing: x and y are not both freed yet: a reference still keeps one alive.
# hint: Set one partner attribute to `None` before `del`.

# %% solution
x.partner = None
del x, y

# %% [markdown]
# **In short:** objects in a cycle keep each other's counts above zero, so
# `del` of every name leaves them alive. Either break the cycle yourself,
# or let the cycle collector find it. The next lesson shows how it does.

# %%
print(freed[-2:])
gc.enable()
