# Starred targets: the starred name gets a new list of the middle items; errors drop what was taken
import sys

class D:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("del", self.tag)
    def __repr__(self):
        return self.tag

first, *rest = [1, 2, 3, 4]
print(first, rest)
*head, last = (1, 2, 3)
print(head, last, type(head).__name__)
x, *middle, y = "spam"
print(x, middle, y)
a, *empty, b = range(2)
print(a, empty, b)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
for k, *vs in [("a", 1, 2), ("b",)]:
    print(k, vs)
xs = [10, 20, 30]
one, *others = xs
print(others is xs, sys.getrefcount(others), sys.getrefcount(xs))
print([first for first, *_ in [(1, 2), (3, 4)]])
d = D("shared")
*all_of_them, = [d, d]
print(sys.getrefcount(d))
del all_of_them
print(sys.getrefcount(d))
try:
    u, *v, w = [D("only")]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, *w = iter([D("i1")])
except ValueError as e:
    print("ValueError:", e)
try:
    u, *v = None
except TypeError as e:
    print("TypeError:", e)
print("end")
