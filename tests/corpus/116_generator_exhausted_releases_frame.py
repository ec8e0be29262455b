# An exhausted generator has released its frame, so it no longer keeps its arguments alive: no cycle is left.
class Owner:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def produce(owner):
    yield owner.name
o = Owner("o")
o.gen = produce(o)
print("values:", list(o.gen))
print("del o")
del o
p = Owner("p")
p.gen = produce(p)
for v in p.gen:
    break
print("del p (suspended generator still holds p)")
del p
print("end")
