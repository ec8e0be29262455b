# What pprint calls and holds: __repr__ once per enclosing line it tries, lists/dicts of subclasses that keep their repr, and the sorted copies it drops.
import pprint
class Tag:
    calls = 0
    def __init__(self, name): self.name = name
    def __repr__(self):
        Tag.calls += 1
        return "Tag(%r)" % self.name
    def __lt__(self, other): return self.name < other.name
    def __del__(self): print("del", self.name)
class Row(list):
    pass
class Table(dict):
    def __repr__(self): return "Table(%d)" % len(self)
nested = [[Tag("deep")] + [Tag(str(i) * 10) for i in range(5)]]
pprint.pprint(nested, width=40)
print("repr calls:", Tag.calls)
Tag.calls = 0
pprint.pprint(nested)
print("repr calls:", Tag.calls)
pprint.pprint([Row(range(20)), Table(a=1), Row()], width=30)
by_tag = {Tag("b"): 1, Tag("a"): 2, Tag("c"): 3}
pprint.pprint(by_tag, width=20)
pprint.pprint({30, 10, 20}, width=5)
print(pprint.pformat({1: "int", "s": "str", None: "none"}, width=20))
print("drop")
del nested, by_tag
print("end")
