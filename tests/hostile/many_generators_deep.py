# 5,000 paused generators, each paused after a call 300 deep (which leaves
# its small stack for a big one on the way down).
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1

def gen(i):
    yield depth(300) + i
    yield i + 1

gens = [gen(i) for i in range(5000)]
total = 0
for g in gens:
    total += next(g)
print(total)
print(sum(next(g) for g in gens))
