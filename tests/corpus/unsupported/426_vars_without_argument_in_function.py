# vars() with no argument in a function is its locals as a dict, which
# Reclaim does not make; refused before the script runs (vars(obj) and
# vars() at module level run).
print("this line must not run first")
print(sorted(vars()) == sorted(vars()))


def show(a, b=2):
    return sorted(vars().items())


print(show(1))
print([x for x in vars() if x == "show"])
print([sorted(vars()) for x in range(1)])
