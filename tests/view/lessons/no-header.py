# %%
print(1)
