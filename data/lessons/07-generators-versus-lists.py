# ---
# title: Generators versus lists
# summary: A list holds every item at once; a generator makes one at a time, and its paused frame keeps its locals alive.
# assumes: Lesson 2, and generators with yield.
# cpython: 3.11
# minutes: 11
# ---

# %% [markdown]
# `Record` counts its live instances, and remembers the highest count it
# ever saw: its **peak**. A list comprehension builds every record before
# the loop looks at the first one, so all of them are alive together.

# %%
class Record:
    alive = 0
    peak = 0

    def __init__(self, n):
        self.n = n
        Record.alive += 1
        Record.peak = max(Record.peak, Record.alive)

    def __del__(self):
        Record.alive -= 1

records = [Record(n) for n in range(1000)]
total = 0
for r in records:
    total += r.n
del records, r
print(total, Record.peak, Record.alive)

# %% [markdown]
# A generator function makes its items on demand: each `next()` runs its
# body up to the following `yield`, then **suspends** it, keeping the frame
# (its local names and where it stopped) for the next call.

# %% [markdown] predict
# The same sum, with records made by a generator. What peak does `Record`
# reach this time?
# choices: 1 | 2 | 1000

# %%
def make_records(count):
    for n in range(count):
        yield Record(n)

Record.peak = 0
total = 0
for r in make_records(1000):
    total += r.n
del r
print(Record.peak)

# %% [markdown]
# Two, not one: the loop's name `r` still holds the previous record while
# the generator makes the next. The memory a generator needs does not grow
# with the number of items.
#
# The paused frame has a cost of its own, though: everything its local
# names reach stays alive while the generator is suspended, even objects
# the rest of the body will never use again.

# %% show="gen"
def numbered(items):
    header = Record(-1)
    for item in items:
        yield item

gen = numbered(["a", "b", "c"])
print(next(gen))

# %% [markdown] predict
# `header` is a local of the suspended frame. How many records are alive?
# choices: 0 | 1

# %%
print(Record.alive)

# %% [markdown]
# Closing the generator, or dropping its last reference, ends the frame,
# and its locals go with it. Running it to the end does the same.

# %%
gen.close()
print(Record.alive)

# %% show="pending"
pending = numbered([4, 5])
print(next(pending))

# %% [markdown] task
# The generator `pending` is suspended and keeps a record alive. Free that
# record without running the generator to its end.
# goal: Record.alive == 0
# missing: A record is still alive: the suspended frame still holds its local `header`.
# hint: A generator has a method that ends it where it stands; dropping the name works too.

# %% solution
del pending

# %% [markdown]
# **In short:** prefer generators for long sequences you read once: they
# hold one item at a time. But a suspended generator keeps its whole frame
# alive, so close it, or let it go, once you are done with it.

# %%
print(Record.alive, Record.peak)
