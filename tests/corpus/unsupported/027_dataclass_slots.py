# dataclass(slots=True) makes a class with __slots__: not modelled
from dataclasses import dataclass

@dataclass(slots=True)
class Point:
    x: int

print(Point(1))
