# A dict releases key then value for each entry, in insertion order; overwriting a value frees the old one at once.
class K:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
d = {"one": K("v1"), "two": K("v2"), "three": K("v3")}
print("d['two'] = K('v2b')")
d["two"] = K("v2b")
print("del d")
del d
e = {K("k1"): K("x1"), K("k2"): K("x2")}
print("del e (object keys)")
del e
print("end")
