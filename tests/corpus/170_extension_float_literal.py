# Beyond the required subset, Reclaim also runs this: float literal
count = 3
ratio = 0.5
print(count, ratio)
