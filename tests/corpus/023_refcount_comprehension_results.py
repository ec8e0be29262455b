# A comprehension's result list dies last to first; an unused comprehension result dies at once.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
made = [R(f"m{i}") for i in range(3)]
print("made", len(made))
print("unused comprehension")
[R("u" + str(i)) for i in range(2)]
print("dict comprehension")
table = {i: R("d" + str(i)) for i in range(3)}
print("filtered copy without m1")
odd = [r for r in made if r.tag != "m1"]
del made
print("del odd")
del odd
print("del table")
del table
print("end")
