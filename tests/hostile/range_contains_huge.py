# An int is in a range by arithmetic, however long the range.
print(10**14 in range(10**15), 10**15 in range(10**15), 7 in range(1, 10**15, 3))
print(-5 in range(0, -10**15, -5), 3 in range(0, -10**15, -5))
