# ---
# title: Names are references
# summary: A name is a label on an object, and every object counts the references to it.
# assumes: You have written a little Python: names, lists, functions.
# cpython: 3.11
# minutes: 10
# ---

# %% [markdown]
# In Python, `b = a` does not copy anything. A name is a **reference**: a
# label tied to an object that lives on its own. After the second line,
# `a` and `b` are two labels on one list, so a change made through `b` shows
# through `a`.

# %% show="a, b"
import sys

a = [1, 2, 3]
b = a
b.append(4)
print(a)

# %% [markdown] predict
# `is` asks whether two references reach the same object. What does
# `a is b` print?
# choices: True | False

# %%
print(a is b)

# %% [markdown]
# Every object keeps a **reference count**: how many references reach it.
# CPython frees the object the moment that count drops to zero.
# `sys.getrefcount(obj)` reports the count, and it always says one more
# than you might expect: while the call runs, its own argument is a
# reference too.

# %% [markdown] predict
# The list has two names, `a` and `b`. What does `sys.getrefcount(a)` print?

# %%
print(sys.getrefcount(a))

# %% [markdown]
# A brand-new list with a single name shows the extra reference plainly:
# one for `c`, one for the argument.

# %%
c = []
print(sys.getrefcount(c))

# %% [markdown]
# Names are not the only references. A container holds references to its
# items, exactly as a name does: putting the list into `box` raises its
# count by one.

# %% [markdown] predict
# What does `sys.getrefcount(a)` print now?
# choices: 3 | 4 | 5

# %% show="box"
box = [a]
print(sys.getrefcount(a))

# %% [markdown]
# A function's parameters are names as well. While `count_inside` runs,
# its parameter `x` is one more reference, and the call inside it adds its
# own argument.

# %%
def count_inside(x):
    return sys.getrefcount(x)

print(count_inside(a))

# %% [markdown]
# Rebinding a name moves the label; the object stays where it is and loses
# one reference. `b` now labels `None`, and the list is down by one.

# %%
b = None
print(sys.getrefcount(a))

# %% [markdown] task
# Give the list a new name, `d`, without building a new list: `d` must be
# the very object `a` labels.
# goal: d is a
# missing: `d` does not reach the same list as `a` yet.
# hint: Assignment binds a name to an object that already exists.

# %% solution
d = a

# %% [markdown]
# **In short:** a name, a list slot or a parameter is a reference to an
# object. Assignment adds a reference, rebinding moves one, and
# `sys.getrefcount` counts them all, plus its own argument.

# %%
print(sys.getrefcount(d))
