# typing.NamedTuple is not modelled: refused before the script runs
import typing

class Pair(typing.NamedTuple):
    left: int
    right: int

print(Pair(1, 2))
