# A class based on tuple stays outside the subset (list and dict are in it).
class Pair(tuple):
    pass
print(Pair((1, 2)))
