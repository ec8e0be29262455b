# sorted() of lists nested 100,000 deep compares them element by element.
a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
print("built")
print(len(sorted([a, b])))
