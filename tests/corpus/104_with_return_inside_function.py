# Returning from inside a with block runs __exit__ first, then the frame's locals die.
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return self
    def __exit__(self, a, b, c):
        print("  exit", self.name)
        return False
    def __del__(self):
        print("  del", self.name)
class Item:
    def __del__(self):
        print("  del item")
def run():
    item = Item()
    with Ctx("c") as c:
        print("  returning")
        return 7
print("run() ->", run())
print("end")
