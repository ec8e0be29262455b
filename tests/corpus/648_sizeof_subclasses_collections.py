# Classes based on list or dict add 24 bytes (__weakref__, __dict__ pointers before the object); defaultdict 8, Counter 24; deque blocks.
import sys
from collections import Counter, defaultdict, deque


class Stack(list):
    pass


class Registry(dict):
    pass


s = Stack()
print("Stack()", sys.getsizeof(s), "list()", sys.getsizeof([]))
sizes = []
for i in range(9):
    s.append(i)
    sizes.append(sys.getsizeof(s))
print("Stack grows as a list", sizes)
s.name = "attributes live in __dict__"
print("after an attribute", sys.getsizeof(s))
print("Stack(range(5))", sys.getsizeof(Stack(range(5))), sys.getsizeof(list(range(5))))
r = Registry()
print("Registry()", sys.getsizeof(r))
for i in range(6):
    r[i] = str(i)
print("Registry with 6", sys.getsizeof(r), "dict with 6", sys.getsizeof({i: str(i) for i in range(6)}))
dd = defaultdict(list)
print("defaultdict", sys.getsizeof(dd))
for word in ["a", "b", "a", "c"]:
    dd[word].append(1)
print("defaultdict after", sys.getsizeof(dd), sorted(dd))
c = Counter()
print("Counter", sys.getsizeof(c))
for ch in "mississippi":
    c[ch] += 1
print("Counter after", sys.getsizeof(c), sorted(c.items()))
print("classes", sys.getsizeof(Stack), sys.getsizeof(Registry))
print("deque", sys.getsizeof(deque()), sys.getsizeof(deque(range(63))), sys.getsizeof(deque(range(64))), sys.getsizeof(deque("ab", 1)))
