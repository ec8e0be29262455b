# A list's items are released last to first when the list dies, whether by del, rebinding or going out of scope.
class T:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
items = [T("a"), T("b"), T("c"), T("d")]
print("del items")
del items
items = [T("e"), T("f")]
print("items = []")
items = []
def make():
    local = [T("g"), T("h"), T("i")]
    print("  returning")
    return 0
print("make()")
make()
print("end")
