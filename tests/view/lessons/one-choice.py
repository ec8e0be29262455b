# ---
# title: Broken
# summary: A lesson with one mistake.
# assumes: Nothing.
# cpython: 3.11
# minutes: 1
# ---

# %% [markdown] predict
# What is printed?
# choices: 1

# %%
print(1)
