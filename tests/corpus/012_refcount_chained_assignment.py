# Chained assignment shares one object; it dies only when the last name is deleted.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
a = b = c = R("shared")
print("del a")
del a
print("b = None")
b = None
print("del c")
del c
p = q = [R("in_list")]
print("p.append via q, then del p, q")
q.append(R("appended"))
del p, q
print("end")
