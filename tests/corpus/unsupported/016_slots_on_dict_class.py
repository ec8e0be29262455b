# __slots__ in a class whose base has a __dict__.
print("never printed")


class Base:
    pass


class P(Base):
    __slots__ = ("x",)
