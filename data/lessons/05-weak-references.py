# ---
# title: Weak references
# summary: A reference that does not keep its object alive: weakref.ref, callbacks and a cache that empties itself.
# assumes: Lessons 1 and 2: reference counts, and frees on reaching zero.
# cpython: 3.11
# minutes: 11
# ---

# %% [markdown]
# Sometimes you want to reach an object without keeping it alive: a cache,
# a registry of listeners, a back-pointer from child to parent. A **weak
# reference** does that. Call it to get the object back, while it lives.

# %% show="img, r"
import sys
import weakref

class Image:
    def __init__(self, name):
        self.name = name

img = Image("cat.png")
r = weakref.ref(img)
print(r() is img)

# %% [markdown] predict
# The image has one name and one weak reference. What does
# `sys.getrefcount(img)` print?
# choices: 2 | 3

# %%
print(sys.getrefcount(img))

# %% [markdown] predict
# The weak reference did not count. Delete the name: what does calling
# `r()` return then?
# choices: None | <Image>

# %%
del img
print(r())

# %% [markdown]
# The image was freed the moment its count reached zero, and CPython
# cleared every weak reference to it. A weak reference can also carry a
# **callback**, which CPython calls with the dead weak reference as the
# object goes.

# %%
def gone(ref):
    print("callback: an image is gone")

img = Image("dog.png")
watch = weakref.ref(img, gone)
del img
print(watch() is None)

# %% [markdown]
# A `WeakValueDictionary` holds its values through weak references, and an
# entry disappears when its value dies. That makes a cache that never keeps
# an image alive on its own: `load` returns the cached image while someone
# still uses it, and loads it again otherwise.

# %% show="cache, first"
cache = weakref.WeakValueDictionary()

def load(name):
    image = cache.get(name)
    if image is None:
        print("loading", name)
        image = Image(name)
        cache[name] = image
    return image

first = load("bird.png")
second = load("bird.png")
print(first is second, len(cache))

# %% [markdown] predict
# Both users of the image let go of it. How many entries does the cache
# hold now?

# %%
del first, second
print(len(cache))

# %% [markdown] task
# Make sure `"bird.png"` stays in the cache, without changing how the cache
# holds its values.
# goal: "bird.png" in cache
# missing: The cache has no "bird.png": nothing holds the image strongly, so its entry went.
# hint: An entry lives as long as a strong reference to its value does.

# %% solution
keep = load("bird.png")

# %% [markdown]
# **In short:** a weak reference reaches an object without counting, so it
# never keeps it alive. When the object dies, its weak references return
# `None`, their callbacks run, and weak containers drop its entries.

# %%
print(len(cache), weakref.getweakrefcount(keep))
