# Rebinding an attribute stores the new value first, then frees the old one at once.
class Res:
    def __init__(self, name):
        self.name = name
        print("  make", name)
    def __del__(self):
        print("  free", self.name)
class Holder:
    pass
h = Holder()
h.slot = Res("one")
print("rebind slot")
h.slot = Res("two")
print("rebind slot to None")
h.slot = None
print("rebind slot again")
h.slot = Res("three")
h.slot = h.slot
print("self-assignment freed nothing")
del h
print("end")
