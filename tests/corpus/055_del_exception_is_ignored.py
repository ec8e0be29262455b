# An exception raised in __del__ is reported on stderr ("Exception ignored in") and the program goes on.
class Bad:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name, "raising")
        raise ValueError("failure in " + self.name)
b = Bad("first")
print("del first")
del b
print("still running")
lst = [Bad("x"), Bad("y")]
lst = None
print("end")
