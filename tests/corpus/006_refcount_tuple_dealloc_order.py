# Tuples release their items last to first; a tuple in a list is released when the list releases it.
class T:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
tup = (T("a"), T("b"), T("c"))
print("del tup")
del tup
pairs = [(T("p0"), T("q0")), (T("p1"), T("q1"))]
print("del pairs")
del pairs
a = T("x")
t = (a, a, T("y"))
del a
print("del t (x referenced twice)")
del t
print("end")
