# When a starred unpack or display fails, what was already taken dies in CPython's order
class D:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("del", self.tag)

class Boom:
    def __iter__(self):
        raise KeyError("boom")

def three():
    return [D("1"), D("2"), D("3")]

try:
    u, v, *w, y, z = three()
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, w, *rest = iter(three()[:2])
except ValueError as e:
    print("ValueError:", e)
try:
    x = [D("a"), D("b"), *Boom(), D("never")]
except KeyError as e:
    print("KeyError:", e)
try:
    x = (D("c"), *[D("d")], *Boom())
except KeyError as e:
    print("KeyError:", e)
try:
    x = {D("e"), *Boom()}
except KeyError as e:
    print("KeyError:", e)
try:
    x = {"a": D("f"), **{"b": D("g")}, "c": D("h"), **None}
except TypeError as e:
    print("TypeError:", e)
print("end")
