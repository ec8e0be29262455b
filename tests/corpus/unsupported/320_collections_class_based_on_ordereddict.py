# A class based on OrderedDict, Counter, defaultdict or deque is refused
# before anything runs, however the base is named.
import collections as c
from collections import OrderedDict as OD
print("nothing runs")


class LRU(OD):
    def touch(self, key):
        self.move_to_end(key)


class Tally(c.Counter):
    pass


print(LRU(a=1), Tally("ab"))
