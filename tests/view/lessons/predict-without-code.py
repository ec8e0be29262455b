# ---
# title: Broken
# summary: A lesson with one mistake.
# assumes: Nothing.
# cpython: 3.11
# minutes: 1
# ---

# %%
x = 1

# %% [markdown] predict
# What does it print?
