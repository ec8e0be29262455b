# With the collector enabled, exit first collects existing garbage cycles, then finalizes the globals.
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
a = Obj("a")
g = Obj("garbage-cycle"); g.me = g
del g
b = Obj("b")
print("end of script")
