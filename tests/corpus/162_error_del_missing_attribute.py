# Deleting a missing attribute or dict key raises AttributeError / KeyError; del of an unbound name raises NameError.
class Box:
    pass
b = Box()
b.x = 1
del b.x
try:
    del b.x
except AttributeError:
    print("second del b.x: AttributeError")
d = {"k": 1}
try:
    del d["nope"]
except KeyError:
    print("del d['nope']: KeyError")
print("del of an unbound name next")
del never_defined_name
