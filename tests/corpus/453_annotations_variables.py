# Variable annotations: module and class bodies store them in __annotations__, after the value; functions never evaluate them
def note(tag):
    print("evaluate", tag)
    return tag

def value(v):
    print("value", v)
    return v

x: note("int") = value(5)
y: note("str")
print(x, __annotations__)
try: print(y)
except NameError as e: print("NameError:", e)

class Point:
    """A point."""
    print("body starts", __annotations__)
    x: note("float") = value(0.0)
    y: note("float") = 1.5
    __secret: int = 7
    if True:
        label: str
print(Point.__annotations__)
print("__annotations__" in vars(Point), Point.x, Point.y)

class Sub(Point):
    pass
print(Sub.__annotations__, "__annotations__" in vars(Sub), Point.__annotations__ is Sub().__annotations__)

def body():
    local: undefined_name = value("local")
    unset: undefined_name
    box = {}
    box[note("key")]: undefined_name
    try: return local, unset
    except UnboundLocalError as e: return local, str(e)
print(body())
(paren): note("not stored") = 3
print("paren" in __annotations__, paren)
