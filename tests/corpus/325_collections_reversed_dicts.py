# reversed() of an OrderedDict follows its order, move_to_end included, as
# do reversed() of its views; Counter and defaultdict reverse as dicts.
# The types say which module they come from.
import sys
from collections import Counter, OrderedDict, defaultdict, deque

od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a")
od.move_to_end("c", last=False)
print(list(od), list(reversed(od)))
print(list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
c = Counter("abbccc")
print(list(reversed(c)), list(reversed(c.items())))
d = defaultdict(list, x=[1], y=[2])
d["z"]
print(list(reversed(d)), list(reversed(d.values())))

before = sys.getrefcount(od)
it = reversed(od)
print("the iterator holds the dict:", sys.getrefcount(od) - before, next(it))
it = None
print("and lets it go:", sys.getrefcount(od) - before)
print(OrderedDict.__module__, Counter.__module__, defaultdict.__module__, deque.__module__)
print(list.__module__, ValueError.__module__)
