# A yield-from chain 100,000 deep.
def chain(n):
    if n == 0:
        yield 'bottom'
    else:
        yield from chain(n - 1)

print("start")
g = chain(100000)
print(next(g))
