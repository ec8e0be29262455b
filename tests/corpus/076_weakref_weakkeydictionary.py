# WeakKeyDictionary entries vanish when their key object dies; the values die with the entry.
import weakref
class Key:
    def __init__(self, name):
        self.name = name
class Val:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  value", self.name, "freed")
meta = weakref.WeakKeyDictionary()
k1 = Key("k1"); k2 = Key("k2")
meta[k1] = Val("v1")
meta[k2] = Val("v2")
print("len:", len(meta), "k1 in meta:", k1 in meta)
print("meta[k2]:", meta[k2].name)
print("del k1")
del k1
print("len:", len(meta))
print("del k2")
del k2
print("len:", len(meta))
