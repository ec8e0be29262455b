# Temporaries in an expression die as soon as the value stack drops them, before the statement finishes.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
    def name(self):
        return self.tag
print("value:", R("a").tag)
n = R("b").name()
print("n =", n)
total = len([R("c"), R("d")])
print("total =", total)
same = R("e") is R("f")
print("same =", same)
R("g")
print("end")
