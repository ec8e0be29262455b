# bytes as an immutable sequence of ints: indexing gives an int, slicing
# gives bytes, iteration, in, +, *, comparison, sorting and hashing.
data = b"Reclaim!"
print(data[0], data[-1], data[1:4], data[::-1], data[::2], data[100:], data[-3:])
print([b for b in data[:3]], list(reversed(b"abc")), max(data), min(data), sum(b"\x01\x02"))
print(82 in data, 0 in data, b"cla" in data, b"" in data, b"xyz" in data)
print(b"ab" + b"cd", b"ab" * 3, 2 * b"xy", b"ab" * 0, b"ab" * -1)
print(b"a" < b"b", b"ab" < b"a", b"" < b"\x00", b"abc" <= b"abc", b"b" > b"abc", b"x" == "x", b"x" != b"y")
print(sorted([b"pear", b"apple", b"", b"Zed", b"\xff"]))
print(hash(b"") == 0, hash(b"abc") == hash("abc"), hash(b"\xff") == hash("\xff"))
counts = {}
for word in [b"a", b"b", b"a", bytes([97]), b"a" + b""]:
    counts[word] = counts.get(word, 0) + 1
print(counts, {b"x", b"y", b"x"} == {b"y", b"x"}, len({b"", bytes(0), b"" * 5}))
for bad in (lambda: data[8], lambda: data["x"], lambda: "a" in data, lambda: 256 in data,
            lambda: b"a" + "b", lambda: b"a" < "b", lambda: b"ab" * 1.5):
    try:
        print(bad())
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
