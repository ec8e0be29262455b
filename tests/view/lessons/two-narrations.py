# ---
# title: Broken
# summary: A lesson with one mistake.
# assumes: Nothing.
# cpython: 3.11
# minutes: 1
# ---

# %% [markdown]
# First.

# %% [markdown]
# Second.

# %%
x = 1
