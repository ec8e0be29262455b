# `from X import ...` is refused for any module Reclaim does not have.
from weakref import ref
from pprint import pformat
print(len(pformat({})))
