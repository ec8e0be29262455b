# throw() into a generator paused in `yield from` goes on to the inner
# generator; GeneratorExit closes the inner one first; an iterator with no
# throw method gets nothing and the outer generator sees the exception.
import gc

class Tag:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def inner():
    t = Tag("inner's local")
    try:
        yield "inner 1"
    except ValueError as e:
        print("inner handles", e)
        yield "inner 2"
    finally:
        print("inner finally")
        del t
    return "inner result"

def outer():
    try:
        r = yield from inner()
        print("yield from gave", r)
        yield "outer after"
    except KeyError as e:
        print("outer handles", repr(e))
        yield "outer recovered"
    finally:
        print("outer finally")

g = outer()
print(next(g))
print(g.throw(ValueError("v")))
print(g.throw(KeyError("k")))
g.close()
print("--- GeneratorExit thrown in")
g = outer()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit came out")
print("--- a list iterator has no throw")
def over_list():
    try:
        yield from [1, 2, 3]
    except ValueError:
        print("outer sees it")
        yield "outer"
g = over_list()
print(next(g))
print(g.throw(ValueError))
print("--- the inner generator returns while handling")
def returns():
    try:
        yield 1
    except ValueError:
        return "early"
def wrapper():
    v = yield from returns()
    print("got", v)
    yield "done"
w = wrapper()
next(w)
print(w.throw(ValueError))
gc.collect()
print("end")
