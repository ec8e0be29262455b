# At return, a frame releases its variables in co_varnames order: parameters first, then locals by first assignment.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def work(p1, p2):
    zeta = R("zeta")
    alpha = R("alpha")
    mid = R("mid")
    alias = zeta
    print("  return from work")
    return None
print("call work")
work(R("p1"), R("p2"))
def early(flag):
    first = R("first")
    if flag:
        return 1
    second = R("second")
    return 2
print("call early(1)")
early(1)
print("call early(0)")
early(0)
print("end")
