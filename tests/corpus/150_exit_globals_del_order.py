# At exit, objects still bound to globals are finalized by one last collection, in the collector's list order.
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
first = Obj("first")
second = Obj("second")
loop = Obj("loop"); loop.me = loop
alias = first
third = Obj("third")
print("end of script")
