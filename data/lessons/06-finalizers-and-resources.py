# ---
# title: Finalizers and resources
# summary: Release files and connections with with; know what __del__, weakref.finalize and resurrection do.
# assumes: Lessons 2, 3 and 5: frees, cycles and weak references.
# cpython: 3.11
# minutes: 14
# ---

# %% [markdown]
# Memory is not the only thing a program must give back: files, sockets
# and locks must be released too, and promptly. The reliable tool is
# `with`: the context manager's `__exit__` runs when the block ends, the
# normal way or through an exception. This `Resource` writes what happens
# into `log`.

# %%
import gc
import weakref

log = []

class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append("open " + self.name)
        return self

    def __exit__(self, kind, value, traceback):
        log.append("close " + self.name)
        return False

with Resource("db") as r:
    log.append("use " + r.name)
print(log)

# %% [markdown] predict
# Now the block raises. In what order do the three entries arrive?
# choices: ['open file', 'close file', 'handled'] | ['open file', 'handled', 'close file']

# %%
log.clear()
try:
    with Resource("file") as f:
        raise ValueError("disk full")
except ValueError:
    log.append("handled")
print(log)

# %% [markdown]
# `__del__` is a **finalizer**: CPython calls it just before an object is
# freed. For an object whose count reaches zero, that is immediate. For
# objects in a cycle, it is whenever the cycle collector gets to them: its
# *finalize_garbage* phase calls every `__del__` in the garbage before
# anything is cleared.

# %% phase="finalize_garbage"
class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("__del__ " + self.name)

log.clear()
p = Tracked("p")
q = Tracked("q")
p.other = q
q.other = p
del p, q
print(log)
print(gc.collect(), log)

# %% [markdown]
# Inside `__del__` the object is still whole, and the method may even store
# `self` somewhere that lives on. The object is then **resurrected**:
# CPython looks at the count again when `__del__` returns, sees a new
# reference and frees nothing. (In a collection, the *check_garbage* step
# does the same for a whole cycle.)

# %% show="saved"
saved = []

class Phoenix:
    def __del__(self):
        saved.append(self)
        print("resurrected")

bird = Phoenix()
del bird
print(len(saved))

# %% [markdown] predict
# `saved.clear()` drops the last reference again. What does the cell print?
# choices: cleared | resurrected cleared

# %%
saved.clear()
print("cleared")

# %% [markdown]
# CPython runs an object's `__del__` **once** at most (PEP 442), so the
# second death was silent. Resurrection is legal but confusing; code that
# needs a clean-up action is better served by `weakref.finalize`. It calls
# a function when the object dies, or at exit at the latest, at most once,
# and it needs no method on the object. Pass it what to release, never the
# object itself, or the finalizer would keep it alive.

# %%
released = []

def release(name):
    released.append(name)

class Holder:
    pass

h = Holder()
fin = weakref.finalize(h, release, "socket-1")
print(fin.alive)
del h
print(fin.alive, released)

# %% show="holder"
holder = Holder()
probe = weakref.ref(holder)

# %% [markdown] task
# `holder` owns the temporary file `tmp-1`. Arrange for `tmp-1` to be
# released when `holder` dies, then let it die.
# goal: probe() is None
# missing: The Holder object is still alive: a name still reaches it.
# goal: "tmp-1" in released
# missing: Nothing has released tmp-1 yet: register a finalizer before the object goes.
# hint: `weakref.finalize(obj, function, argument)`, then `del` the name.

# %% solution
weakref.finalize(holder, release, "tmp-1")
del holder

# %% [markdown]
# **In short:** release resources with `with`, at a point you choose. Use
# `weakref.finalize` for clean-up tied to an object's death. `__del__`
# runs once, when the count reaches zero or when the collector finds the
# object's cycle; it can resurrect the object, but should not.

# %%
print(released)
