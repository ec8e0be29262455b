# weakref.finalize callbacks still pending at exit run newest first, before any __del__ at exit.
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def done(name):
    print("  finalize", name)
a = Obj("a"); b = Obj("b"); c = Obj("c")
weakref.finalize(a, done, "a")
weakref.finalize(b, done, "b")
weakref.finalize(c, done, "c")
print("end of script")
