# `from X import ...` is refused for any module other than gc, weakref and sys.
from weakref import ref
from collections import OrderedDict
print(len(OrderedDict()))
