# UserDict, UserList and UserString are not modelled: refused before anything runs.
from collections import namedtuple, UserDict
Point = namedtuple("Point", "x y")
print(Point(1, 2), UserDict(a=1))
