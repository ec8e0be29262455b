# Answers Reclaim once got wrong: a dict whose keys change at the same
# size, the range type printed, @ between ints, an unbound str method on
# an int, methods of a class made inside a function, __hash__ results,
# ints in huge ranges and big powers.
d = {'a': 1, 'b': 2}
seen = []
try:
    for k in d:
        seen.append(k)
        del d[k]
        d[k + 'x'] = 0
except RuntimeError as e:
    print(seen, e)
d = {1: 1}
try:
    for k in d:
        d[2] = 2
except RuntimeError as e:
    print(e)

print(range, type(range(3)), range(2, 9, 3), str(range))

for left, right in [(0, 5), (2.5, 1), ('a', 'b')]:
    try:
        left @ right
    except TypeError as e:
        print(e)
x = 3
try:
    x @= 4
except TypeError as e:
    print(e)

print(str.lower('MiXeD'), str.upper('x'), list.append.__name__ if False else 'ok')
for call in [lambda: str.lower(5), lambda: str.split(None), lambda: list.append((), 1),
             lambda: dict.keys([1]), lambda: str.lower()]:
    try:
        call()
    except TypeError as e:
        print(e)


def make():
    class Node:
        label = 'class attribute'

        def __init__(self, n):
            self.n = n

        def copy(self):
            return Node(self.n + 1)

        def other(self):
            return Later.__name__

        def outer_label(self):
            return label

    class Later:
        pass

    label = 'function variable'
    return Node


Node = make()
n = Node(1).copy()
print(n.n, type(n).__name__, n.other(), n.outer_label(), Node.label)


class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k


class MinusOne:
    def __hash__(self):
        return -1


print(hash(Key('a')) == hash('a'), hash(Key((1, 2))) == hash((1, 2)), hash(MinusOne()))
print({Key('x'): 1}[Key('x')])

print(10**14 in range(10**15), 10**15 in range(10**15), 6 in range(0, 10**12, 3), 7 in range(0, 10**12, 3))
print(-5 in range(0, -10**15, -5), True in range(2), 2.0 in range(3), 'a' in range(3))
print(1 ** (10**18), (-1) ** (10**18 + 1), 0 ** 0, 3 ** 39, (-2) ** 63)
