# A deque frees its items left to right when it dies (deque_clear), where
# a list frees them right to left; maxlen drops an item the moment it is
# pushed out, and clear() empties the deque before anything is dropped.
from collections import deque


class Item:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


print("-- a list dies")
items = [Item("a"), Item("b"), Item("c")]
del items

print("-- a deque dies")
d = deque([Item("a"), Item("b"), Item("c")])
del d

print("-- appendleft, then the deque dies")
d = deque()
for name in "xyz":
    d.appendleft(Item(name))
d = None

print("-- maxlen pushes out at once")
window = deque(maxlen=2)
for name in ["1", "2", "3", "4"]:
    print("append", name)
    window.append(Item(name))
print("appendleft 0")
window.appendleft(Item("0"))
print(len(window), window.maxlen)

print("-- clear")
window.clear()
print("cleared", len(window))

print("-- pop and popleft hand the item over")
d = deque([Item("p"), Item("q"), Item("r")])
left = d.popleft()
print("popped", left.name)
del left
print("after del left")
d.pop()
print("after pop")
d.rotate(1)
d.extend([Item("s"), Item("t")])
print([i.name for i in d])
d.remove(d[1])
print("removed")
del d[0]
print("end")
