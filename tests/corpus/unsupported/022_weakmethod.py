# weakref.WeakMethod is not modelled yet: refused before anything runs.
from weakref import WeakMethod
print("never printed")


class C:
    def run(self):
        pass


c = C()
m = WeakMethod(c.run)
print(m() == c.run)
