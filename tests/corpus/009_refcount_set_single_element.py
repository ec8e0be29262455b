# A set with one element releases it when the set dies; discard/remove free at once.
class E:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
s = {E("only")}
print("del s")
del s
s = set()
e = E("added")
s.add(e)
del e
print("discard")
for x in s:
    s.discard(x)
    break
print("loop variable still holds it")
del x
print("len:", len(s))
print("end")
