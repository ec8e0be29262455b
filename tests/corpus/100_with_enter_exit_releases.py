# `with` calls __enter__, runs the body, calls __exit__; the manager dies when its last reference goes.
class Resource:
    def __init__(self, name):
        self.name = name
        print("  open", name)
    def __enter__(self):
        print("  enter", self.name)
        return self
    def __exit__(self, kind, value, tb):
        print("  exit", self.name, kind is None)
        return False
    def __del__(self):
        print("  del", self.name)
with Resource("temp"):
    print("  body")
print("after first with")
with Resource("named") as r:
    print("  body uses", r.name)
print("after second with, r still bound")
del r
print("end")
