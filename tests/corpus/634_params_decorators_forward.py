# Decorators whose wrapper forwards *args, **kwargs pass keyword-only and
# positional-only arguments through unchanged; the wrapped function's
# own checks raise the errors.  A decorator factory with keyword-only
# options, functools.wraps and functools.partial.
import functools


def traced(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("->", func.__qualname__, len(args), sorted(kwargs.items()))
        return func(*args, **kwargs)
    return wrapper


def repeat(*, times=2, sep=" "):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return sep.join(str(func(*args, **kwargs)) for _ in range(times))
        return wrapper
    return decorate


@traced
def area(width, height=1, /, *, unit="m"):
    return "%d %s2" % (width * height, unit)


@repeat(times=3, sep="|")
def hello(name, /, *, punct="!"):
    return "hi " + name + punct


class Stack:
    def __init__(self, *items, limit=None):
        self.items = list(items)
        self.limit = limit

    @traced
    def push(self, item, /, *, times=1):
        for _ in range(times):
            self.items.append(item)
        return self


print(area(2, 3, unit="cm"), area(4))
print(hello("ann"), hello("bob", punct="?"))
print(Stack(1, 2, limit=5).push(3, times=2).items)
for call in [lambda: area(width=2), lambda: area(1, 2, 3), lambda: area(1, units="x"),
             lambda: hello(name="x"), lambda: repeat(3), lambda: Stack().push(item=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

print(area.__name__, area.__wrapped__.__defaults__, area.__wrapped__.__kwdefaults__)
print(hello.__wrapped__.__kwdefaults__, repeat.__kwdefaults__)

in_km = functools.partial(area.__wrapped__, unit="km")
print(in_km(5), in_km(5, 2, unit="mm"), in_km.keywords)
try:
    in_km(width=1)
except TypeError as e:
    print("TypeError:", e)
