# 10**10**10 has ten billion digits: python3 squares its way towards it
# for minutes before its allocations fail.  Reclaim refuses it from its
# memory budget at once (MemoryError), before GMP is asked for a number it
# cannot hold.  Smaller powers still work.
y = 2 ** 100000
print(y.bit_length(), y % 1000)
x = 10 ** 10 ** 10
print("computed")
