# A call's *iterable and **mapping: python3's errors when they do not fit
# (a name given twice, a mapping that is not one, keys that are not strs,
# a value that cannot be iterated), raised at the same moment, and a
# mapping of a class of its own read through keys() and [key].


class Settings:
    def keys(self):
        print("keys()")
        return ["colour", "size"]

    def __getitem__(self, key):
        print("get", key)
        return key.upper()


class Shape:
    def draw(self, *args, **options):
        return args, options

    @staticmethod
    def make(*, colour, size=1):
        return colour, size


def show(*args, **kwargs):
    return args, kwargs


def side(value):
    print("evaluate", value)
    return value


def forward(*args, **kwargs):
    return Shape.make(*args, colour="forwarded", **kwargs)


print(show(**Settings()))
print(show(1, name="n", **Settings(), last=True))
print(Shape.make(**Settings()))
calls = [
    lambda: show(**5),
    lambda: show(**[("a", 1)]),
    lambda: Shape().draw(**None),
    lambda: Shape.make(**None),
    lambda: print(**3),
    lambda: {}.update(**3),
    lambda: show(a=1, **{"a": 2}),
    lambda: show(**{"a": 2}, a=side(3), b=side(4)),
    lambda: show(**{"a": 2}, **{"a": 3}),
    lambda: show(**Settings(), colour=side("again")),
    lambda: show(**{1: 2}),
    lambda: show(**{1: 2}, x=side("after")),
    lambda: Shape().draw(x=1, **{"x": 2}),
    lambda: dict(**{1: 2}),
    lambda: dict(a=1, **{"a": 2}),
    lambda: (lambda **k: k)(**{"a": 1}, a=1),
    lambda: forward(colour="twice"),
    lambda: forward(size=3),
    lambda: show(*5),
    lambda: show(*None, key=1),
    lambda: show(1, *5),
    lambda: show(*[1], *5),
    lambda: print(*3),
    lambda: show(*"ab", *(1,), **{"k": 2}),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
