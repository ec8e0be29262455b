# Deleting one key and adding another keeps the size: python3 still sees
# that the keys changed.
d = {'a': 1, 'b': 2}
n = 0
for k in d:
    del d[k]
    d[k + 'x'] = n
    n += 1
print(n)
