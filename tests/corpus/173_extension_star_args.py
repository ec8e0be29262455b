# Beyond the required subset, Reclaim also runs this: star args
def total(first, *rest):
    return first + len(rest)
print(total(1, 2, 3))
