# A suspended generator keeps its locals alive; they die when the generator is exhausted or dropped.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def walk():
    a = R("local-a")
    yield 1
    b = R("local-b")
    yield 2
    print("  generator finishing")
g = walk()
print("created, nothing run yet")
for v in g:
    print("got", v)
    break
print("suspended after first yield")
for v in g:
    print("got", v)
print("exhausted")
g2 = walk()
for v in g2:
    break
print("drop suspended g2")
del g2
print("end")
