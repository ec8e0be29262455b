# operator: the operators as functions, user dunders included, and the
# getters holding what they were made with.
import operator
import sys
from operator import itemgetter, attrgetter, methodcaller


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __del__(self):
        print("del", self)


print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-1))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 4), operator.rshift(32, 2))
print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.not_([]), operator.truth([0]), operator.is_(None, None), operator.is_not(1, None), operator.invert(5))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.abs(-4))
print(operator.concat([1], [2]), operator.index(7), operator.add)
print(operator.add(Money(1), Money(2)))
print(operator.lt(Money(1), Money(2)))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d, operator.getitem(d, "b"))
xs = [1]
ys = operator.iadd(xs, [2])
print(xs, ys is xs)

for bad in (lambda: operator.add(1), lambda: operator.neg(), lambda: operator.add(1, y=2),
            lambda: operator.concat(1, 2), lambda: operator.indexOf([1], 5), lambda: operator.add(1, "a")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# the getters
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]))
print(itemgetter(1), itemgetter(1, "a"), attrgetter("x.y", "z"), methodcaller("split", ",", maxsplit=1))
print(methodcaller("split", ",", maxsplit=1)("a,b,c"), type(itemgetter(1)))


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent


leaf = Node("leaf", Node("root"))
print(attrgetter("name", "parent.name")(leaf))

# a getter keeps its items alive
m = Money(5)
print(sys.getrefcount(m))
g = itemgetter(m)
print(sys.getrefcount(m))
del m
print("getter still holds it")
del g
print("getter gone")
c = methodcaller("append", Money(7))
del c
print("caller gone")
for bad in (lambda: itemgetter(), lambda: attrgetter(1), lambda: methodcaller(), lambda: itemgetter(1)([])):
    try:
        bad()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
print("end")
