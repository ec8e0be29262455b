# finally runs before the frame's locals die, both on return and on exception.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def on_return():
    r = R("ret")
    try:
        return "value"
    finally:
        print("  finally (return)")
def on_error():
    r = R("err")
    try:
        1 // 0
    finally:
        print("  finally (error)")
print(on_return())
try:
    on_error()
except ZeroDivisionError:
    print("  handling ZeroDivisionError")
print("end")
