# ---
# title: Broken
# summary: s

# %%
print(1)
