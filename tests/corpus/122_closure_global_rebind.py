# `global` rebinding inside a function frees the previous module-level object at that assignment.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
current = R("g0")
def replace(tag):
    global current
    current = R(tag)
def clear():
    global current
    del current
print("replace('g1')")
replace("g1")
print("replace('g2')")
replace("g2")
print("clear()")
clear()
try:
    current
except NameError:
    print("current is gone")
print("end")
