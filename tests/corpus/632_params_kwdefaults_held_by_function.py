# A function holds its keyword-only defaults in its __kwdefaults__ dict,
# made anew each time the def runs.  The dict dies with the function:
# first the __defaults__ tuple (its items right to left), then the
# __kwdefaults__ dict (its values in order), as CPython's func_clear
# drops them.
import sys
import weakref


class Token:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __repr__(self):
        return "Token(%s)" % self.name


def gone(ref):
    print("callback: a default is gone")


shared = Token("shared")
print(sys.getrefcount(shared))


def make(a=Token("pos_a"), b=Token("pos_b"), *, c=Token("kw_c"), d=shared, e=Token("kw_e")):
    print("inside", sys.getrefcount(d))
    return a, b, c, d, e


print(sys.getrefcount(shared))
print(make.__defaults__, make.__kwdefaults__)
print(make.__kwdefaults__ is make.__kwdefaults__)
print(sys.getrefcount(make.__kwdefaults__))
make()
print(make(c=1, e=2))
probe = weakref.ref(make.__kwdefaults__["e"], gone)

print("del make")
del make
print(probe(), sys.getrefcount(shared))

# each run of the def makes a new dict, with new defaults
defs = []
for i in range(2):
    def f(*, tag=Token("tag%d" % i)):
        return tag
    defs.append(f)
print(defs[0].__kwdefaults__ is defs[1].__kwdefaults__, defs[0](), defs[1]())
print("del defs[0]")
del defs[0]
print("del f")
del f
print("clear")
defs.clear()

# assigning __kwdefaults__ drops the old dict and what only it held
def g(*, k=Token("first")):
    return k


old = g.__kwdefaults__
g.__kwdefaults__ = {"k": Token("second")}
print(g(), sys.getrefcount(old))
print("del old")
del old
g.__kwdefaults__["k"] = Token("third")
print(g())
print("set None")
g.__kwdefaults__ = None
print(g.__kwdefaults__)
try:
    g()
except TypeError as e:
    print("TypeError:", e)
print("end")
