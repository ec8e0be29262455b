# Two closures share one cell: the object lives until both are gone.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def pair():
    shared = R("shared")
    def read():
        return shared.tag
    def write(tag):
        nonlocal shared
        shared = R(tag)
    return read, write
read, write = pair()
print("read:", read())
write("replacement")
print("read:", read())
print("del read")
del read
print("del write")
del write
print("end")
