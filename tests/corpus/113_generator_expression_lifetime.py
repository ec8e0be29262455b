# A generator expression holds its source iterable; both die once the consumer finishes.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def make():
    return [R("a"), R("b"), R("c")]
print("sum of a generator expression")
print(sum(len(r.tag) for r in make()))
print("kept generator expression")
ge = (r.tag for r in make())
print("first:", [t for t in ge if t == "a"])
print("del ge")
del ge
print("end")
