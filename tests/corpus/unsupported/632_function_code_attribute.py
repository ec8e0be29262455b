# A function's __code__ (its code object, with co_varnames,
# co_kwonlyargcount ...) is not modelled: refused before anything runs.
print("never printed")


def f(a, /, b, *, c):
    return a + b + c


print(f(1, 2, c=3), f.__code__)
