# asdict() and astuple() copy what they do not convert with copy.deepcopy:
# a class's own __deepcopy__ is called with the memo python3 fills, a set is
# rebuilt from a copied list of its items, ranges and the like are atoms.
import sys
from dataclasses import dataclass, field, asdict, astuple

class Token:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Token(%s)" % self.name
    def __deepcopy__(self, memo):
        print("deepcopy of", self.name, "memo size", len(memo), sorted(type(v).__name__ for v in memo.values()))
        return Token(self.name + "'")
    def __del__(self):
        print("del", self.name)

class Same:
    def __repr__(self):
        return "Same()"
    def __deepcopy__(self, memo):
        print("Same gives itself")
        return self

@dataclass
class Box:
    token: Token
    tokens: list
    tags: set = field(default_factory=set)
    span: range = range(3)
    same: Same = None

t = Token("a")
b = Box(t, [Token("b"), Token("c"), t], {1, 2, (3, 4)}, range(5), Same())
print(sys.getrefcount(t))
d = asdict(b)
print(d)
print(d["tokens"][0] is d["tokens"][2], d["tags"], d["span"] is b.span, d["same"] is b.same)
print(astuple(b))
print(sys.getrefcount(t))
del d
print("-- end")

# a set of objects with __deepcopy__: the memo holds the copied list first
class Tag:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Tag(%s)" % self.name
    def __deepcopy__(self, memo):
        kinds = [type(v).__name__ for v in memo.values()]
        print("deepcopy of", self.name, "memo", len(memo), kinds)
        memo[id(self)] = "mine"
        return Tag(self.name + "'")
    def __del__(self):
        print("del", self.name)

@dataclass
class Bag:
    tags: set = field(default_factory=set)

one = Tag("one")
bag = Bag({one})
print(asdict(bag))
print("--")
del bag
del one
print("-- end")
