# str() of a dict nested 100,000 deep.
d = {}
for i in range(100000):
    d = {'k': d}
print("built")
s = str(d)
