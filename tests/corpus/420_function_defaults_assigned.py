# A function holds its __defaults__ tuple: assigning a new one drops the
# old tuple (and what only it kept alive); None or del clears it.  A
# __kwdefaults__ dict is held the same way.
import sys


class Token:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __repr__(self):
        return "Token(%s)" % self.name


def pick(a, b=Token("first")):
    return (a, b)


print(pick(1))
old = pick.__defaults__
print(sys.getrefcount(old))
pick.__defaults__ = (Token("second"),)
print(sys.getrefcount(old))
print("dropping the old tuple")
del old
print(pick(2))

pick.__defaults__ = (Token("a"), Token("b"))
print(pick())
print("longer than the parameters")
pick.__defaults__ = (0, 1, 2)
print(pick(), pick(5))

pick.__defaults__ = None
print(pick.__defaults__)
try:
    pick()
except TypeError as e:
    print("TypeError:", e)
try:
    pick.__defaults__ = [1]
except TypeError as e:
    print("TypeError:", e)

pick.__defaults__ = (Token("third"),)
print("del __defaults__")
del pick.__defaults__
print(pick.__defaults__)

lam = lambda x=1: x
lam.__defaults__ = (Token("lambda"),)
print(lam())

for defaults in [(1,), (1, 2, 3), None]:
    pick.__defaults__ = defaults
    try:
        pick(1, 2, 3)
    except TypeError as e:
        print("TypeError:", e)

print(pick.__kwdefaults__)
pick.__kwdefaults__ = {"k": Token("kw")}
print(pick.__kwdefaults__)
pick.__kwdefaults__ = None
print(pick.__kwdefaults__)
try:
    pick.__kwdefaults__ = 3
except TypeError as e:
    print("TypeError:", e)
print("end")
