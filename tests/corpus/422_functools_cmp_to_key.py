# functools.cmp_to_key turns an old-style comparison function into a key:
# each item is wrapped in a KeyWrapper holding it (obj), whose comparisons
# ask cmp(self.obj, other.obj) and compare the answer with 0.  sorted()
# drops its keys when it is done; a kept wrapper keeps its object alive.
import functools, sys


class Box:
    def __init__(self, size):
        self.size = size

    def __repr__(self):
        return "Box(%d)" % self.size

    def __del__(self):
        print("del", self)


calls = []


def by_size(x, y):
    calls.append((x.size, y.size))
    return x.size - y.size


boxes = [Box(3), Box(1), Box(2)]
print(sorted(boxes, key=functools.cmp_to_key(by_size)))
print(len(calls) > 0)
print(sorted(["ccc", "a", "bb"], key=functools.cmp_to_key(lambda a, b: len(b) - len(a))))
print(max(boxes, key=functools.cmp_to_key(by_size)), min(boxes, key=functools.cmp_to_key(by_size)))

K = functools.cmp_to_key(by_size)
print(callable(K))
key = K(Box(7))
print(key.obj, sys.getrefcount(key.obj))
print(key < K(Box(8)), key == K(Box(7)), key >= K(Box(9)), key != K(Box(6)))
try:
    key < 5
except TypeError as e:
    print("TypeError:", e)


def answers_text(x, y):
    return "odd"


try:
    functools.cmp_to_key(answers_text)(1) < functools.cmp_to_key(answers_text)(2)
except TypeError as e:
    print("TypeError:", e)

boxes.sort(key=K, reverse=True)
print(boxes)
print("dropping the key")
del key
print("end")
