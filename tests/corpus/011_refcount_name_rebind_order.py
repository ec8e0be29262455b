# `x = new` evaluates and stores the new object before the old one is released.
class R:
    def __init__(self, tag):
        self.tag = tag
        print("  init", tag)
    def __del__(self):
        print("  del", self.tag)
x = R("first")
print("x = R('second')")
x = R("second")
print("x = None")
x = None
print("x = R('third'); x = R('fourth') on one line")
x = R("third"); x = R("fourth")
print("del x")
del x
print("end")
