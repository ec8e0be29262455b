# deque as a queue, a stack and a sliding window, and its errors.
from collections import deque
import collections

q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, len(q), q[0], q[-1], 3 in q, 9 in q)
print(q.popleft(), q.pop(), q)
q.extend("ab")
q.extendleft([8, 9])
print(q)
q.rotate()
print(q)
q.rotate(-2)
print(q)
q.reverse()
print(q, q.count(1), q.index("a"))
q[0] = "z"
del q[1]
print(q, list(q), [x for x in q if x != 2])
print(q == deque(q), q == deque(), q == list(q), q != deque([1]))
print(bool(deque()), bool(q), q.copy(), q.maxlen)

window = deque(range(10), maxlen=3)
print(window, window.maxlen)
window.extendleft([100, 200])
print(window)
print(deque("hello", 0), deque(maxlen=None))
print(type(q), collections.deque, type(iter(q)))

nested = deque()
nested.append(nested)
nested.append([nested])
print(nested)

for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: q[10], lambda: q["x"],
            lambda: q.remove(42), lambda: deque(maxlen=-1), lambda: deque(1), lambda: hash(q),
            lambda: deque([1], 2, 3), lambda: q.append(), lambda: deque([1]).rotate("x")]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)

it = iter(q)
next(it)
q.append(7)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    next(it)
except (RuntimeError, StopIteration) as e:
    print(type(e).__name__)
try:
    q.maxlen = 3
except AttributeError as e:
    print("AttributeError", e)
