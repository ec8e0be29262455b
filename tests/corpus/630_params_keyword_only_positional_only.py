# Keyword-only parameters (after * or *args) and positional-only ones
# (before /), in defs, lambdas, methods, class and static methods,
# generators and closures: what each call binds.


def kw(a, *, b, c=1):
    return a, b, c


def pos(a, /, b):
    return a, b


def mixed(a, b=2, /, c=3, *, d, **kw):
    return a, b, c, d, kw


def pick(*args, key=None):
    return args, key


print(kw(1, b=2), kw(1, c=3, b=2), kw(a=0, b=0))
print(pos(1, 2), pos(1, b=2))
print(mixed(1, d=4), mixed(1, 2, 3, d=4), mixed(1, c=5, d=6, a=7, b=8))
print(pick(), pick(1, 2), pick(1, key=len))
# names before / are free for **kwargs
print(mixed(0, a="a", b="b", d=None))

lam = lambda x, /, y=2, *, z=3: (x, y, z)
print(lam(1), lam(1, 5, z=9), (lambda *, only: only)(only="k"))
print((lambda *a, sep="-": sep.join(a))("x", "y"), (lambda *a, sep="-": sep.join(a))("x", "y", sep="+"))


class Shape:
    count = 0

    def __init__(self, name, /, *sides, closed=True, **tags):
        self.name, self.sides, self.closed, self.tags = name, sides, closed, tags

    def scaled(self, factor, /, *, round_to=None):
        sides = tuple(s * factor for s in self.sides)
        if round_to is not None:
            sides = tuple(round(s, round_to) for s in sides)
        return Shape(self.name, *sides, closed=self.closed)

    @classmethod
    def square(cls, side, /, *, name="square"):
        return cls(name, side, side, side, side)

    @staticmethod
    def perimeter(*sides, scale=1):
        return sum(sides) * scale

    def __repr__(self):
        return "Shape(%r, %r, closed=%r, tags=%r)" % (self.name, self.sides, self.closed, self.tags)


print(Shape("line", 3, closed=False, colour="red"))
print(Shape.square(2), Shape.square(3, name="tile").scaled(2, round_to=1))
print(Shape.perimeter(1, 2, 3), Shape.perimeter(1, 2, scale=10), Shape("t", 1).perimeter(4, scale=2))
bound = Shape("tri", 3, 4, 5).scaled
print(bound(2), bound.__func__.__kwdefaults__)


def countdown(start, /, *, step=1):
    while start > 0:
        yield start
        start -= step


print(list(countdown(5)), list(countdown(10, step=3)))


def make_adder(*, amount):
    def add(x, /):
        return x + amount
    return add


add5 = make_adder(amount=5)
print(add5(1), add5.__closure__[0].cell_contents)
print(sorted(["bb", "a", "ccc"], key=len, reverse=True))
args = (1,)
options = {"d": 4, "extra": True}
print(mixed(*args, **options), kw(*args, **{"b": 2}))
