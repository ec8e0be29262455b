# Every frame the exception passed through keeps its locals until the handler ends; the innermost frame is released first.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def inner():
    i = R("inner-local")
    raise KeyError("k")
def middle():
    m = R("middle-local")
    inner()
def outer():
    o = R("outer-local")
    try:
        middle()
    except KeyError:
        print("  caught in outer")
    print("  outer continues")
outer()
print("end")
