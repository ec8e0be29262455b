# ---
# title: Broken
# summary: A lesson with one mistake.
# assumes: Nothing.
# cpython: 3.11
# minutes: 1
# author: me
# ---

# %%
print(1)
