# Closures that refer to each other through cells form a cycle: 2 functions, 2 closure tuples, 2 cells.
import gc, weakref
gc.disable()
gc.collect()
def make():
    def even(n):
        if n == 0:
            return True
        return odd(n - 1)
    def odd(n):
        if n == 0:
            return False
        return even(n - 1)
    return even
e = make()
print("even(10):", e(10), "even(7):", e(7))
w = weakref.ref(e, lambda r: print("  even freed"))
del e
print("collect ->", gc.collect())
