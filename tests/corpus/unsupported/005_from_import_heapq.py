# `from X import ...` is refused for any module Reclaim does not have.
from weakref import ref
from heapq import heappush
heap = []
heappush(heap, 3)
print(heap)
