# Two weakrefs to one object are one dict key and one set member while
# it lives, as python3's weakref_hash and weakref_richcompare make them:
# a registry keyed by ref(obj, callback) is found again by ref(obj).  A
# ref keeps the hash it had, so after the object dies the ref that was
# filed still finds its own entry; a ref first hashed dead has none.
import weakref

class Plugin:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Plugin(%s)" % self.name

registry = {}
def gone(ref):
    print("callback: removing", ref in registry)
    del registry[ref]

p = Plugin("p")
q = Plugin("q")
registry[weakref.ref(p, gone)] = "settings of p"
registry[weakref.ref(q, gone)] = "settings of q"
print(registry[weakref.ref(p)], weakref.ref(q) in registry, len(registry))
print(weakref.ref(p, gone) == weakref.ref(p), hash(weakref.ref(p)) == hash(p))
seen = {weakref.ref(p), weakref.ref(p, gone), weakref.ref(q)}
print(len(seen))

# keys equal through the referents' own __eq__ and __hash__
class Name:
    def __init__(self, text):
        self.text = text
    def __eq__(self, other):
        return isinstance(other, Name) and self.text == other.text
    def __hash__(self):
        return hash(self.text)
a, b = Name("same"), Name("same")
d = {weakref.ref(a): 1}
print(weakref.ref(b) in d, d[weakref.ref(b)])

del p
print(len(registry), sorted(registry.values()))
kept = weakref.ref(q)
box = {kept: "kept"}
del q
print(kept() is None, box[kept], len(registry))
late = weakref.ref(Plugin("temporary"))
try:
    {late: 1}
except TypeError as e:
    print("TypeError:", e)
