# ---
# title: Broken
# summary: A lesson with one mistake.
# assumes: Nothing.
# cpython: 3.11
# minutes: 1
# ---

# %% [markdown] task
# Make x one.
# missing: x is not one
# goal: x == 1

# %% solution
x = 1
