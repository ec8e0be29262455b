# Zero-argument super() walks to the base class; methods using it close over a __class__ cell.
class Base:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return "Base(" + self.name + ")"
    def __del__(self):
        print("  del", self.name)
class Child(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
    def describe(self):
        return "Child<" + super().describe() + ">"
class Error(Exception):
    def __init__(self, message):
        super().__init__("wrapped: " + message)
c = Child("c", [1, 2])
print(c.describe(), c.extra, isinstance(c, Base), type(c).__name__)
print(Child.describe.__closure__ is not None, Base.describe.__closure__)
print(repr(Error("x")), Error("y").args)
del c
print("end")
