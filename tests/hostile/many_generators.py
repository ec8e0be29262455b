# 40,000 suspended generators at once.  While each paused generator is
# a thread, Linux (32,768 threads a process) may refuse: many_generators.limit
# is the clear error Reclaim then gives.
def gen(i):
    yield i
    yield i + 1

gens = [gen(i) for i in range(40000)]
total = 0
for g in gens:
    total += next(g)
print(total)
