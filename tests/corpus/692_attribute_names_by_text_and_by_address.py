# Attribute names reach the interpreter written in the script, built at run
# time (getattr/setattr with computed strs), and mangled (__name in a class).
# Whichever way a name comes, the same text is the same attribute, and
# different texts are different attributes, whatever order instances set
# them in, past the first eight keys of a class, and across classes.
class Record:
    def __init__(self, first):
        if first:
            self.a = 1
            self.b = 2
        else:
            self.b = 20
            self.a = 10
        self.__hidden = "h"

    def hidden(self):
        return self.__hidden


r1 = Record(True)
r2 = Record(False)
print(r1.a, r1.b, r2.a, r2.b, r1.hidden(), r2._Record__hidden)

# a dozen keys, the later ones by computed names, read both ways
for i in range(12):
    setattr(r1, "k" + str(i), i * i)
print([getattr(r1, "k" + str(i)) for i in range(12)])
print(r1.k0, r1.k7, r1.k8, r1.k11)
r1.k9 = "nine"
print(getattr(r1, "k" + "9"), r1.k9)

# names built in a loop, the same text at new addresses each time
for round in range(3):
    for name in ["x", "y", "xy", "yx"]:
        built = "".join(list(name))
        setattr(r2, built, round * 10 + len(built))
    print(round, r2.x, r2.y, r2.xy, r2.yx, getattr(r2, "x" + "y"))

# the same names on another class keep their own positions
class Other:
    def __init__(self):
        self.yx = "other-yx"
        self.x = "other-x"

o = Other()
print(o.x, o.yx, hasattr(o, "y"), hasattr(r2, "y"), hasattr(o, "k1"))

# a class attribute and an instance attribute under names made at run time
Record.shared = "class"
print(getattr(r1, "sha" + "red"), r2.shared)
setattr(r2, "shared", "instance")
print(r1.shared, r2.shared, getattr(r2, "shared"))
del r2.shared
print(r2.shared)
print(sorted(k for k in vars(r1) if not k.startswith("k")))
