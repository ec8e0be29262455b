# Which builtins go through a list or dict subclass's own __iter__, __len__, __getitem__ and keys(), and which read the items directly.
class Loud(list):
    def __iter__(self):
        print("  __iter__")
        return iter([9, 9])
    def __len__(self):
        print("  __len__")
        return 7
    def __getitem__(self, i):
        print("  __getitem__", i)
        return 5
l = Loud([1, 2, 3])
print("list:", list(l))
print("tuple:", tuple(l))
print("sorted:", sorted(l))
print("sum:", sum(l), "in:", 1 in l, "len:", len(l), "bool:", bool(l))
x = []
x.extend(l)
print("extend:", x)
print("==:", l == [1, 2, 3], "+:", l + [4], "reversed:", list(reversed(l)))
print("repr:", repr(l), "str:", str(l), "max:", max(l))
print("zip:", list(zip(l, "ab")), "enumerate:", next(enumerate(l)))
class Keyed(dict):
    def __getitem__(self, k):
        print("  __getitem__", k)
        return 0
    def keys(self):
        print("  keys")
        return super().keys()
    def __iter__(self):
        print("  __iter__")
        return iter(["q"])
d = Keyed(a=1, b=2)
print("dict:", dict(d))
print("get:", d.get("a"), "items:", list(d.items()), "values:", list(d.values()))
e = {}
e.update(d)
print("update:", e)
print("list:", list(d), "len:", len(d), "in:", "a" in d, "repr:", d)
