# Sets of small ints iterate in hash-slot order, not insertion order.
print({3, 1, 2}, {10, 100, 5}, set(range(20, 0, -3)), {-1, -2, 0})
s = set()
for i in [33, 1, 17, 9, 1000, 8, 64]:
    s.add(i)
print(s, list(s))
for value in {40, 8, 16, 0}:
    print(value)
s.add(71)
print(s, 71 in s, 17 in s)
print(set([5, 3, 1]) | {2, 4}, {9, 1, 17} & {17, 9})
