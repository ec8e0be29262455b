# `from X import ...` is refused for any module Reclaim does not have.
from weakref import ref
from collections import OrderedDict
print(len(OrderedDict()))
