# The parts of collections Reclaim does not model are refused by name.
from collections import deque
import collections
chain = collections.ChainMap({"a": 1}, {"b": 2})
print(deque(chain))
