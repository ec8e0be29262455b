# A closure cell keeps a captured object alive after the outer function returns; dropping the closure frees it.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def make_getter():
    captured = R("captured")
    unused = R("unused")
    def get():
        return captured.tag
    return get
g = make_getter()
print("outer returned; getter says", g())
print("del g")
del g
print("end")
