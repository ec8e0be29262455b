# Atomic objects (int, str, None, bool) are never tracked; instances, lists, sets, functions and classes are.
import gc
class Obj:
    pass
def f():
    return 1
print("int:", gc.is_tracked(42), "str:", gc.is_tracked("x"), "None:", gc.is_tracked(None), "bool:", gc.is_tracked(True))
print("instance:", gc.is_tracked(Obj()))
print("empty list:", gc.is_tracked([]), "list of ints:", gc.is_tracked([1, 2]))
print("set:", gc.is_tracked(set()), "set of ints:", gc.is_tracked({1}))
print("function:", gc.is_tracked(f), "lambda:", gc.is_tracked(lambda: 0))
print("class:", gc.is_tracked(Obj))
def gen():
    yield 1
print("generator:", gc.is_tracked(gen()))
