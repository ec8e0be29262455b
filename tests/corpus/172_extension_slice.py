# Beyond the required subset, Reclaim also runs this: slice
items = [1, 2, 3, 4]
print(len(items))
del items[1:3]
print(items)
