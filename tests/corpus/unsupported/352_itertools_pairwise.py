# itertools.pairwise is outside the subset (groupby and tee are in it).
import itertools
print(list(itertools.pairwise([1, 2, 3])))
