# Swapping with tuple unpacking frees nothing; unpacking over old values frees them in target order.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __repr__(self):
        return self.tag
    def __del__(self):
        print("  del", self.tag)
a, b = R("a"), R("b")
print("swap")
a, b = b, a
print("a =", a, "b =", b)
print("a, b = R('c'), R('d')")
a, b = R("c"), R("d")
print("x, y, z = [R('x'), R('y'), R('z')]")
x, y, z = [R("x"), R("y"), R("z")]
print("del z, y, x")
del z, y, x
print("del a, b")
del a, b
print("end")
