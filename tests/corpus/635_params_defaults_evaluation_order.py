# When a def runs, its positional defaults are evaluated left to right,
# then its keyword-only defaults, then the annotations (the parameters
# after / before those before it).  If one raises, what was already made
# is dropped from the top of the stack down: the keyword-only defaults
# last made first, then the positional ones.


class Token:
    def __init__(self, name):
        print("make", name)
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __repr__(self):
        return self.name


def boom(what):
    print("evaluate", what)
    raise ValueError(what)


try:
    def f(a=Token("pos1"), b=Token("pos2"), *, c=Token("kw1"), d=Token("kw2"), e=boom("kw3")):
        pass
except ValueError as e:
    print("ValueError", e)

try:
    def f(a=Token("pos1"), b=Token("pos2"), c=boom("pos3"), *, d=Token("kw")):
        pass
except ValueError as e:
    print("ValueError", e)

try:
    def f(a=Token("pos"), *, d=Token("kw")) -> boom("annotation"):
        pass
except ValueError as e:
    print("ValueError", e)


def note(x):
    print("annotation", x)
    return x


def g(a: note("a") = Token("a"), /, b: note("b") = Token("b"), *c: note("c"),
      d: note("d") = Token("d"), e: note("e"), **f: note("f")) -> note("return"):
    return a, b, c, d, e, f


print(g.__annotations__)
print(g.__defaults__, g.__kwdefaults__, g.__name__)
print(g(e=1))


# a mutable keyword-only default is shared by every call, as usual
def collect(item, /, *, into=[]):
    into.append(item)
    return into


collect(1)
print(collect(2), collect.__kwdefaults__)
print("end")
