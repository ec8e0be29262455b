# A hand-written decorator: the wrapper's closure keeps the original
# function alive, so it dies only with the wrapper.  Decorators with
# arguments and stacked decorators: evaluated top to bottom, applied
# bottom to top.
import sys
import weakref

calls = []


def logged(func):
    def wrapper(*args, **kwargs):
        calls.append(func.__name__)
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a, b):
    return a + b


print(add(2, 3), add.__name__, calls)
original = add.__closure__[0].cell_contents
print(original.__name__, sys.getrefcount(original))
alive = weakref.ref(original, lambda r: print("original add freed"))
del original
print("deleting add")
del add
print("add deleted")


def repeat(times):
    print("repeat", times)

    def decorate(func):
        print("decorate", func.__name__, times)

        def wrapper():
            return [func() for _ in range(times)]
        return wrapper
    return decorate


def tag(name):
    print("tag", name)

    def decorate(func):
        print("apply tag", name, func.__name__)
        return func
    return decorate


@tag("outer")
@repeat(2)
@tag("inner")
def hello():
    return "hi"


print(hello())
print(hello.__name__, hello.__closure__[0].cell_contents.__name__, hello.__closure__[1].cell_contents)


class Marker:
    def __init__(self, name):
        self.name = name

    def __call__(self, func):
        print("Marker called with", func.__name__)
        self.func = func
        return self

    def __del__(self):
        print("Marker", self.name, "freed")


@Marker("m")
def job():
    return 1


print(type(job).__name__, job.func())


@Marker("class")
class Thing:
    pass


print(job.name, Thing.name, Thing.func.__name__)
del job
print("job deleted")
Thing = None
print("end")
