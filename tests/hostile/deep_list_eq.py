# == and < between two lists nested 100,000 deep.
a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
print("built")
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError:", e)
print(a < b)
