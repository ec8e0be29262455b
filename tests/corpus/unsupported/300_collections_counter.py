# The parts of collections Reclaim does not model are refused by name.
from collections import deque
import collections
counts = collections.Counter("abc")
print(deque(counts))
