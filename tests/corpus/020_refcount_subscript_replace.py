# Subscript assignment frees the replaced item after storing the new one; the same holds for dict keys.
class R:
    def __init__(self, tag):
        self.tag = tag
        print("  new", tag)
    def __del__(self):
        print("  del", self.tag)
grid = [R("r0"), R("r1")]
print("grid[1] = R('r1b')")
grid[1] = R("r1b")
print("grid[0] = grid[1]")
grid[0] = grid[1]
m = {}
m["k"] = R("m1")
print("m['k'] = R('m2')")
m["k"] = R("m2")
print("m['k'] = m['k']")
m["k"] = m["k"]
print("del grid")
del grid
print("del m")
del m
print("end")
