# A function that has attributes of its own (a __dict__) keeps its
# annotations apart: each is found by its name, whichever came first.
def f(a: int) -> str:
    pass
f.x = 1
print(f.__annotations__, f.__dict__)
def g():
    pass
g.y = 2
print(g.__annotations__, g.__dict__)
g.__annotations__ = {'q': 1}
print(g.__annotations__)
g.__annotations__ = None
print(g.__annotations__)
