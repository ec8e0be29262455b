# Dicts and sets that grow past eight keys, lose keys, are cleared and
# grow again: every lookup, membership test and iteration stays right.
d = {}
for i in range(20):
    d["k" + str(i)] = i
    if i % 3 == 0:
        d[i] = -i
print(len(d), d["k7"], d[9], 9 in d, 10 in d)
for i in range(0, 20, 2):
    del d["k" + str(i)]
print(len(d), list(d)[:6], "k4" in d, "k5" in d)
d["k4"] = "back"
print(list(d)[-2:], d["k4"])
d.clear()
print(d, "k1" in d)
for i in range(10):
    d[i * 1.5] = str(i)
print(d.get(4.5), d.get(4.0), len(d))
small = {"a": 1, "b": 2}
del small["a"]
small["a"] = 3
small["c"] = 4
print(small, list(small.items()))

s = set()
for i in range(12):
    s.add(i * i)
s.discard(16)
s.discard(17)
print(len(s), 16 in s, 25 in s, sorted(s)[:5])
s.clear()
s.add("x")
print(s)


class Many:
    pass


m = Many()
for i in range(12):
    setattr(m, "attr" + str(i), i)
del m.attr3
m.attr3 = "again"
print(list(vars(m))[:4], list(vars(m))[-2:], m.attr11)
