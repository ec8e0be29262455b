# dict.pop, del d[k] and dict.clear() (insertion order) free values at once; re-inserted keys go to the end.
class V:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
d = {}
d["a"] = V("a"); d["b"] = V("b"); d["c"] = V("c"); d["d"] = V("d")
print("pop('b')")
d.pop("b")
print("del d['a']")
del d["a"]
d["a"] = V("a2")
print("keys:", list(d.keys()))
print("clear()")
d.clear()
print("len:", len(d))
print("end")
