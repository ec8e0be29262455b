# Every instance of a class uses the class's key order for death order, whatever order it set them in.
import weakref
log = []
class P:
    pass
class Tag:
    def __init__(self, t):
        self.wr = weakref.ref(self, lambda r, t=t: log.append(t))
one = P()
one.x = Tag("x1"); one.y = Tag("y1"); one.z = Tag("z1")
two = P()
two.z = Tag("z2"); two.y = Tag("y2"); two.x = Tag("x2")
three = P()
three.w = Tag("w3"); three.y = Tag("y3")
del one
print(log)
log.clear()
del two
print(log)
log.clear()
del three
print(log)
