# A lambda default is evaluated once and held by the function's defaults tuple until the lambda dies.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
f = lambda x=R("default"): x.tag
print("call:", f())
print("call with arg:", f(R("arg")))
g = lambda: R("made-in-body").tag
print("g():", g())
print("del f")
del f
print("end")
