# == between dicts nested 100,000 deep, and `in` on a deep list.
a = {}
b = {}
for i in range(100000):
    a = {0: a}
    b = {0: b}
print("built")
print(a == b)
