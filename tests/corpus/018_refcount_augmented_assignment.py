# `lst += [...]` extends in place; `tup += (...)` builds a new tuple and frees the old one (its items survive).
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
class Counter:
    def __init__(self):
        self.items = []
lst = [R("a")]
alias = lst
lst += [R("b")]
print("same list:", lst is alias, len(alias))
tup = (R("c"),)
old = tup
tup += (R("d"),)
print("new tuple:", tup is old, len(tup))
print("del old")
del old
c = Counter()
c.items += [R("e")]
print("del lst, alias")
del lst, alias
print("del tup")
del tup
print("del c")
del c
print("end")
