# A class without __slots__ based on one with them has both a __dict__ and
# slots: Reclaim refuses it before anything runs.
print("never printed")


class Base:
    __slots__ = ("a",)


class Loose(Base):
    pass


Loose().extra = 1
