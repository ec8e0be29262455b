# weakref.finalize calls its function with the saved arguments when the object dies, exactly once.
import weakref
class Res:
    def __init__(self, name):
        self.name = name
def release(name, how):
    print("  release", name, how)
    return name + " released"
r = Res("file")
f = weakref.finalize(r, release, "file", "by death")
print("alive:", f.alive)
del r
print("alive:", f.alive)
print("calling again:", f())
s = Res("sock")
g = weakref.finalize(s, release, "sock", "by hand")
print("call early:", g())
print("alive:", g.alive)
del s
print("end")
