# hash() of big ints (modulo 2**61 - 1, with the sign), and big ints as the
# keys of dicts and sets: equal values are one key, floats included, and a
# set of ints iterates in the order its hashes give.
M = 2 ** 61 - 1
for n in (2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 10 ** 30, -(10 ** 30), -(2 ** 61), 2 ** 122, -(2 ** 61) - 1):
    print(n, hash(n), hash(n) == hash(n % M) if n > 0 else hash(n) == -hash(-n))
print(hash(2 ** 70) == hash(float(2 ** 70)), hash(10 ** 30) == hash(1e30), hash(-(2 ** 61) - 1))

counts = {}
for k in (2 ** 64, 2 ** 65, 2 ** 64, 3 ** 41, 2 ** 64 + 0, 1 << 64):
    counts[k] = counts.get(k, 0) + 1
print(counts)
d = {10 ** 30: "int"}
d[1e30] = "float replaces the value"
print(d, len(d), {1e30: 1}.get(10 ** 30), {2 ** 70: "x"}.get(float(2 ** 70)))
print({2 ** 64, 2 ** 65, 1, 2 ** 64, 10 ** 20, 2 ** 61 + 3, 5})
print({2 ** 61 - 1, 2 ** 61, 2 ** 62, 0, 1, 2})
print(sorted({-(2 ** 70), 2 ** 70, 0, 2 ** 63}))
print((2 ** 100, "a") in {(2 ** 100, "a"): 1}, hash((2 ** 100, 1)) == hash((2 ** 100, 1.0)))


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 2 ** 80 + self.n

    def __eq__(self, other):
        return self.n == other.n


print(len({Key(1), Key(1), Key(2)}))
