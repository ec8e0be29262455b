# ---
# title: Broken
# summary: A lesson with one mistake.
# assumes: Nothing.
# cpython: 3.11
# minutes: 1
# ---

# %% [markdown] task
# Make x one.
# goal: x == 1
# choices: 1 | 2

# %% solution
x = 1
