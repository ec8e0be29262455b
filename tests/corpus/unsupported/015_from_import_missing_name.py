# `from M import name` for a name that M has in python3 but not in Reclaim.
from sys import getrefcount, getallocatedblocks
print(getrefcount(None) > 0, getallocatedblocks() > 0)
