# ---
# title: Finding a leak
# summary: Notice objects that should be gone, ask gc.get_referrers why they are alive, and see what a collection frees with DEBUG_SAVEALL.
# assumes: Lessons 1 to 8.
# cpython: 3.11
# minutes: 11
# ---

# %% [markdown]
# A leak in Python is rarely lost memory: it is an object that something
# still reaches, often by accident. Here each `Window` registers its
# `on_click` method with a shared `button`. The loop makes three windows
# and keeps none of them.

# %% show="button"
import gc

class Button:
    def __init__(self):
        self.handlers = []

class Window:
    def __init__(self, name, button):
        self.name = name
        button.handlers.append(self.on_click)

    def on_click(self):
        print("clicked", self.name)

def windows_alive():
    return len([o for o in gc.get_objects() if isinstance(o, Window)])

button = Button()
for i in range(3):
    w = Window("w" + str(i), button)
del w
print(windows_alive())

# %% [markdown] predict
# All three windows are still alive. Is this a cycle the collector will
# free? What does the cell print: the number `gc.collect()` found, then the
# windows alive?
# choices: 0 3 | 3 0

# %%
print(gc.collect(), windows_alive())

# %% [markdown]
# The collector frees only what nothing reaches, and something reaches
# these windows. To find out what, ask `gc.get_referrers(obj)`: it returns
# the tracked objects that refer to `obj`. Following referrers upwards, one
# level at a time, answers **why is this alive?**

# %%
def referrer_types(obj):
    return sorted(type(r).__name__ for r in gc.get_referrers(obj))

def first_window():
    return [o for o in gc.get_objects() if isinstance(o, Window)][0]

print(referrer_types(first_window()))

# %% [markdown] predict
# A **bound method** like `self.on_click` holds its instance. What refers
# to that method?
# choices: ['Button'] | ['list'] | ['Window']

# %%
print(referrer_types(button.handlers[0]))

# %% [markdown]
# One more level up, the list belongs to the button, and the global name
# `button` keeps the button alive. The chain is: name `button`, the
# `Button`, its `handlers` list, a bound method, the window.

# %%
print(referrer_types(button.handlers))

# %% [markdown]
# The opposite question, *what does a collection free?*, has a tool too.
# With `gc.DEBUG_SAVEALL` set, the collector puts what it would free into
# the list `gc.garbage` instead, where you can look at it. A class that
# stores one of its own bound methods on itself makes a cycle each time
# it is used.

# %%
class Parser:
    def __init__(self):
        self.step = self.start

    def start(self):
        pass

gc.set_debug(gc.DEBUG_SAVEALL)
p = Parser()
del p
print(gc.collect())
print(sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()

# %% [markdown] task
# Fix the window leak: make the three windows collectable, and keep the
# button.
# goal: (gc.collect(), windows_alive())[1] == 0
# missing: Windows are still alive after a collection: follow the referrers from a window upwards.
# goal: isinstance(button, Button)
# missing: Keep the button: other code still uses it.
# hint: The button's `handlers` list is where the chain can be cut.

# %% solution
button.handlers.clear()

# %% [markdown]
# **In short:** when objects outlive their use, count them, then walk
# `gc.get_referrers` upwards until you reach a name you recognise. Cut the
# chain there, or hold that link through a weak reference. `DEBUG_SAVEALL`
# shows what the collector finds, cycle by cycle.

# %%
print(gc.collect(), windows_alive())
