# dataclass: the generated __init__ (defaults, default_factory, __post_init__), __repr__, __eq__, order, frozen
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
from typing import List, ClassVar
@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

p, q = Point(1), Point(1, 2, ["a"])
print(p, q, p == Point(1), p == q, p != q)
print([f.name for f in fields(p)], Point.y, "tags" in vars(Point), Point.count, Point.__match_args__)
print(asdict(q), astuple(q), replace(q, y=5), is_dataclass(p), is_dataclass(Point), is_dataclass(3))
print(Point.__hash__, fields(Point)[2].default_factory)

@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    def __post_init__(self):
        print("post_init", self)

v = Version(1, 2)
print(v < Version(1, 3), v >= Version(1, 2), hash(v) == hash(Version(1, 2)), sorted([Version(2), v]))
for attempt in [lambda: setattr(v, "major", 5), lambda: delattr(v, "minor")]:
    try:
        attempt()
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))

@dataclass(eq=False, repr=False)
class Plain:
    a: int
print(Plain(1) == Plain(1), "__hash__" in vars(Plain), "__repr__" in vars(Plain))

@dataclass
class Child(Point):
    z: int = 9
print(Child(1, 2, [], 3), Child(5) == Child(5), Child(5) == Point(5))
