# Small ints (those Reclaim keeps in the value itself) compared and
# combined, at the edges where they stop being small, beside bools,
# floats, big ints and a class of ours.
edges = [0, 1, -1, 2**29 - 1, -2**29, 2**29, -2**29 - 1, 2**31, 2**62, -2**63]
for a in edges:
    for b in edges:
        r = (a == b, a != b, a < b, a <= b, a > b, a >= b)
        if r != (not (a != b), not (a == b), b > a, b >= a, b < a, b <= a):
            print("inconsistent", a, b, r)
print(sum(1 for a in edges for b in edges if a < b), "pairs in order")

big = 2**29 - 1
print(big + 1, big + 1 == 2**29, -2**29 - 1 < -2**29)
print(big * big, (big * big) // big == big, big * -big)
print(7 % 2 == 1, -7 % 2, 7 % -2, -7 // 2, 7 // -2, 2**29 % 7)
print(3 ** 19, 3 ** 40, 1 << 28, 1 << 29, 1 << 62, -1 >> 5)
print(5 / 2, 4 / 2, 6 & 3, 6 | 3, 6 ^ 3)
print(1 == True, 0 == False, 1 < True, True + 1, 2 == 2.0, 3 < 3.5, 3 > 2.5)
p, q = 5, 2 + 3
print(0 < 1 < 2, 0 < 2 < 1, 1 == 1 == 1, p is q, p is not q + 1)
print([x for x in range(-3, 4) if x % 2 == 0], [x * x for x in range(4) if x != 2])


class Half:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return self.n < other * 2

    def __eq__(self, other):
        return self.n == other * 2

    def __rmatmul__(self, other):
        return other + self.n


print(Half(3) < 2, Half(4) == 2, 2 == Half(4), 1 @ Half(5))
for a, b in [(1, 0), (5, 0)]:
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    print(2 @ 3)
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 < "2")
except TypeError as e:
    print("TypeError:", e)
