# Generators: a million items through a pipeline of three generators.
def numbers(n):
    for i in range(n):
        yield i

def squares(items):
    for x in items:
        yield x * x

def evens(items):
    for x in items:
        if x % 2 == 0:
            yield x

total = 0
count = 0
for v in evens(squares(numbers(1000000))):
    total = total + v
    count = count + 1
print("count", count, "total", total)
