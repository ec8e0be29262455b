# The operators of a deque: + makes a copy (keeping the left deque's
# maxlen) and extends it; * copies and repeats; += extends by any
# iterable; *= repeats in place, dropping what maxlen pushes out at once.
# < <= > >= compare item by item, only between deques.
import sys
from collections import deque


class Item:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __del__(self):
        print("del", self.name)


a = deque([1, 2])
b = deque([3, 4, 5])
print(a + b, a, b)
print(deque([1, 2, 3], maxlen=3) + deque([4]))
print(deque([1]) + deque([2, 3, 4], maxlen=2))
print(a * 2, 2 * a, a * 0, a * -1, a * True)
print(deque([7], maxlen=3) * 5)
print(deque([1, 2], maxlen=5) * 4)
print(deque() * 3)

for expr in [lambda: a + [3], lambda: [3] + a, lambda: 1 + a, lambda: a * 2.0,
             lambda: a * a, lambda: "x" * a, lambda: a - a, lambda: -a]:
    try:
        expr()
    except TypeError as e:
        print("TypeError:", e)

print("-- += and *= keep the deque")
d = deque([1])
same = d
d += [2, 3]
d += "ab"
d += (x for x in range(2))
print(d, d is same)
d *= 2
print(d, d is same)
d += d
print(len(d), d is same)
d *= 0
print(d, d is same)
try:
    d += 5
except TypeError as e:
    print("TypeError:", e)

print("-- maxlen drops items at once")
w = deque([Item("a"), Item("b")], maxlen=3)
print("+= one")
w += [Item("c"), Item("d")]
print(w)
print("*= 2")
w *= 2
print(w)
print("+")
both = w + deque([Item("e")])
print(both)
print("drop both")
del both
print("* 3")
r = w * 3
print(r, sys.getrefcount(r[0]))
del r
print("-- ordering")
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) < deque([1, 2, 0]), deque([2]) > deque([1, 9]))
print(deque([1, 2]) <= deque([1, 2]), deque([1, 2]) >= deque([1, 2, 3]), deque() < deque([None]))
print(deque([1]) == deque([1], maxlen=4), deque([1]) != deque([2]))
print(sorted([deque([3]), deque([1, 2]), deque([1])]))
print(max(deque("ab"), deque("b")))
for expr in [lambda: deque() < [], lambda: [] >= deque(), lambda: deque([1]) < deque(["x"])]:
    try:
        expr()
    except TypeError as e:
        print("TypeError:", e)


class Noisy:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        print("eq", self.n, other.n)
        return self.n == other.n

    def __lt__(self, other):
        print("lt", self.n, other.n)
        return "not a bool"


print(deque([Noisy(1), Noisy(2)]) < deque([Noisy(1), Noisy(3)]))
print("-- the end")
w = None
