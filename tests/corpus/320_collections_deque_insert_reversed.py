# deque.insert works as list.insert, except into a full bounded deque
# (IndexError, and the item is not kept); reversed() gives an iterator
# that holds the deque and fails once the deque changes size.
import sys
from collections import deque


class Item:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __del__(self):
        print("del", self.name)


d = deque([1, 2, 3])
d.insert(1, "a")
d.insert(-1, "b")
d.insert(100, "end")
d.insert(-100, "start")
d.insert(0, "zero")
print(d)

print("-- insert into a bounded deque")
window = deque([Item("x"), Item("y")], maxlen=3)
window.insert(1, Item("new"))
print(window)
try:
    window.insert(0, Item("too many"))
except IndexError as e:
    print("IndexError:", e)
print(window)
try:
    deque(maxlen=0).insert(0, 1)
except IndexError as e:
    print("IndexError:", e)

print("-- bad arguments")
for call in [lambda: d.insert(1), lambda: d.insert("1", 2), lambda: d.insert(1, 2, 3)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

print("-- reversed")
r = reversed(deque([Item("p"), Item("q"), Item("r")]))
print(type(r).__name__)
print(next(r))
print(list(r))
print("dropping the iterator drops the deque")
r = None
print(list(reversed(deque())))
print(list(reversed(deque("abc", maxlen=2))))

d = deque([1, 2, 3])
before = sys.getrefcount(d)
r = reversed(d)
print("held by the iterator:", sys.getrefcount(d) - before)
print(next(r))
d.append(4)
try:
    next(r)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    next(r)
except StopIteration:
    print("StopIteration after that")
d[0] = 10
r = reversed(d)
d[0] = 11
print(list(r))
print("-- the end")
window = None
