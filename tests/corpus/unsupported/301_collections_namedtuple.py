# namedtuple and OrderedDict are not modelled: refused before anything runs.
from collections import OrderedDict, namedtuple
Point = namedtuple("Point", "x y")
print(Point(1, 2), OrderedDict(a=1))
