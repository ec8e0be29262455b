# property is a builtin Reclaim does not have: refused before anything runs.
print("never printed")
class Box:
    size = property(lambda self: 1)
