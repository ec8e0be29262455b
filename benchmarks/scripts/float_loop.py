# Floats: a loop over a million of them, then a running mean and variance.
total = 0.0
x = 0.5
for i in range(1000000):
    total = total + x * 1.5
    x = x + 0.25
print("total", total)

mean = 0.0
m2 = 0.0
n = 0
for i in range(300000):
    value = (i % 97) * 0.1
    n = n + 1
    delta = value - mean
    mean = mean + delta / n
    m2 = m2 + delta * (value - mean)
print("mean", round(mean, 6), "variance", round(m2 / n, 6))
