# itertools: the iterators, and what each one holds on to.
import gc
import sys
import itertools
from itertools import count, repeat, cycle, chain, islice, accumulate, zip_longest
from itertools import product, permutations, combinations


class Item:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __del__(self):
        print("del", self.name)


print(list(islice(count(5), 3)), list(islice(count(1, 0.5), 3)), list(repeat("a", 3)), list(islice(cycle("ab"), 5)))
print(list(chain([1, 2], "ab", ())), list(islice(range(10), 2, 8, 2)), list(islice("abc", None)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=10)))
print(list(zip_longest("ab", [1, 2, 3], fillvalue="-")), list(zip_longest()))
print(list(product("ab", [0, 1])), list(product([1, 2], repeat=2)), list(product()))
print(list(permutations("abc", 2)), list(permutations([1, 2, 3])))
print(list(combinations("abcd", 2)), list(combinations([1], 2)), list(combinations("ab", 0)))
print(type(itertools.chain()), type(count()).__name__, sum(islice(count(), 101)))
for bad in (lambda: islice([], -1), lambda: islice([], 1, 2, 0), lambda: count("a"), lambda: combinations("a"),
            lambda: product(1), lambda: cycle()):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# repeat holds its object until it is gone
a = Item("a")
r = repeat(a, 2)
print(sys.getrefcount(a))
del a
print(next(r), next(r))
print("repeat exhausted, still holds a")
del r
print("repeat gone")

# islice lets go of its source once it is exhausted
source = iter([Item("b"), Item("c")])
s = islice(source, 5)
del source
print([x.name for x in s])
print("islice exhausted")
del s

# cycle keeps what it has seen
c = cycle([Item("d"), Item("e")])
print(next(c), next(c), next(c))
del c
print("cycle gone")

# chain lets go of each source when it is exhausted
ch = chain([Item("f")], [Item("g")])
print(next(ch))
print(next(ch))
print("second source started")
del ch

# an iterator in a cycle with what it holds
h = Item("h")
h.more = repeat(h)
del h
print("h in a cycle")
print(gc.collect() > 0)
print("end")
