# Functions take keyword-only parameters, but a dataclass whose __init__
# would have them (kw_only=True, KW_ONLY, field(kw_only=True)) is not
# modelled: refused before anything runs.
from dataclasses import dataclass

print("never printed")


@dataclass(kw_only=True)
class Point:
    x: int
    y: int = 0


print(Point(x=1))
