# Nested with blocks exit innermost first; managers created in the with line die right after their block.
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("  enter", self.name)
        return self.name
    def __exit__(self, a, b, c):
        print("  exit", self.name)
        return False
    def __del__(self):
        print("  del", self.name)
with Ctx("outer") as o:
    with Ctx("inner") as i:
        print("  body", o, i)
    print("  between")
print("end")
