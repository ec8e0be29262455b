# Reading a missing attribute raises AttributeError; hasattr/getattr with a default avoid it.
class Point:
    def __init__(self):
        self.x = 1
p = Point()
print("hasattr y:", hasattr(p, "y"), "getattr default:", getattr(p, "y", "none"))
try:
    p.y
except AttributeError:
    print("caught AttributeError")
del p.x
print("x deleted, reading it again")
print(p.x)
