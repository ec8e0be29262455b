# After an uncaught exception the traceback is printed, then exit finalizes globals as usual; status 1.
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def work():
    local = Obj("local")
    raise ValueError("stop")
keep = Obj("keep")
print("calling work")
work()
