# A nested function that calls itself is a cycle: function -> closure tuple -> cell -> function (plus other cells).
import gc, weakref
gc.disable()
gc.collect()
class Payload:
    pass
refs = []
def outer():
    data = Payload()
    refs.append(weakref.ref(data, lambda r: print("  payload freed")))
    def again(n):
        if n:
            return again(n - 1)
        return data
    return again
f = outer()
print("calls itself:", f(3) is not None)
del f
print("no refcount death yet")
print("function, closure tuple, 2 cells, payload ->", gc.collect())
