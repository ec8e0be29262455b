# Exception groups (two bases, except*) are not in the subset.
print("never printed")
group = ExceptionGroup("many", [ValueError(1), TypeError(2)])
print(len(group.exceptions))
