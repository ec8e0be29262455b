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

# %%
x = 1
