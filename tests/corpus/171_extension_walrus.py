# Beyond the required subset, Reclaim also runs this: walrus
items = [1, 2, 3]
if (n := len(items)) > 2:
    print(n)
