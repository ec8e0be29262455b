# '__dict__' among the slots gives the instances a dict besides them.
print("never printed")


class P:
    __slots__ = ("x", "__dict__")
