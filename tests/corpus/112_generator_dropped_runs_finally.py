# Dropping the last reference to a suspended generator closes it: its finally runs before its locals die.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def counter(limit):
    keep = R("keep")
    try:
        i = 0
        while i < limit:
            yield i
            i += 1
    finally:
        print("  counter finally")
for n in counter(10):
    if n == 2:
        break
print("after break")
total = 0
for n in counter(3):
    total += n
print("total", total)
