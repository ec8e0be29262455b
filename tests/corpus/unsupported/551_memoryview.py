# memoryview is not modelled: refused before running.
data = b"reclaim"
print(len(data))
view = memoryview(data)
print(view[0])
