# The loop variable keeps the last item alive after the loop; each rebinding frees the previous item.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def fresh(n):
    out = []
    for i in range(n):
        out.append(R(f"item{i}"))
    return out
print("loop over a temporary list")
for item in fresh(3):
    print("  body", item.tag)
print("after loop, item is", item.tag)
print("loop creating objects")
for i in range(3):
    obj = R(f"obj{i}")
print("after loop")
del item, obj
print("end")
