# 40,000 suspended generators at once: more than Linux gives a process
# threads (32,768) or memory mappings with guard pages (65,530 / 2).
def gen(i):
    yield i
    yield i + 1

gens = [gen(i) for i in range(40000)]
total = 0
for g in gens:
    total += next(g)
print(total)
