# While an exception is being handled, its traceback keeps the raising frame's locals alive.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def fail():
    local = R("local")
    raise ValueError("boom")
try:
    fail()
except ValueError:
    print("  in handler: local still alive")
print("after try")
def fine():
    other = R("other")
    return 1
try:
    fine()
except ValueError:
    print("not reached")
print("end")
