# A class based on list: inherited methods, repr, super(), and its death: __del__, then its __dict__, then the items last first.
class R:
    def __init__(self, n): self.n = n
    def __repr__(self): return "R(%s)" % self.n
    def __del__(self): print("del", self.n)
class Stack(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = R(name)
        self.top_seen = R(name + "-top")
    def push(self, x):
        self.append(x)
        return self
    def __getitem__(self, i):
        print("getitem", i)
        return super().__getitem__(i)
    def __del__(self):
        print("Stack del", self.name, len(self))
s = Stack("s", [R(1)])
s.push(R(2)).push(R(3))
print(s, len(s), s[0], s[-1], isinstance(s, list), type(s).__name__)
for x in s:
    print("iter", x)
print(R(9) in s, s == [s[0], s[1], s[2]], bool(Stack("e")), sorted(vars(s)))
print(s + [4], type(s + []).__name__, list(s)[1:], s.pop(), len(s))
try:
    hash(s)
except TypeError as e:
    print(e)
class Sub(Stack):
    pass
u = Sub("u")
u.extend([5, 6])
print(u, type(u).__mro__[1:3] == (Stack, list), u < [5, 7], [5] < u, u >= u)
print("drop s")
del s
print("drop u")
del u
print("end")
