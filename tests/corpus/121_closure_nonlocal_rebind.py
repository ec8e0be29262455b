# nonlocal rebinding replaces the cell's content; the old object dies at the assignment.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def make_slot():
    value = R("v0")
    def swap(tag):
        nonlocal value
        value = R(tag)
        return value.tag
    return swap
swap = make_slot()
print("swap ->", swap("v1"))
print("swap ->", swap("v2"))
print("del swap")
del swap
print("end")
