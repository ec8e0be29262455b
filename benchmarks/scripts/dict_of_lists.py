# A large dict of lists: 200,000 keys, each holding a list of 5 ints, filled, read back and dropped.
table = {}
for i in range(200000):
    table[i] = [i, i + 1, i + 2, i + 3, i + 4]
total = 0
for key in table:
    total = total + sum(table[key])
print("keys", len(table), "total", total)
table = None
print("dropped")
