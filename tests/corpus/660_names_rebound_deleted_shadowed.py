# A name read again and again sees every rebinding, deletion and shadowing, and each store drops the old value at once.
import sys
class Loud:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
def read_total(n):
    return [total for _ in range(n)]
def rebind(v):
    global total
    total = v
total = 1
print(read_total(2)); rebind(5); print(read_total(2))
del total
total = 7                     # back under a new entry of the module dict
print(read_total(1))
def size(s): return len(s)
print(size("abc"))
len = lambda s: 42            # a global now shadows the builtin
print(size("abc"))
del len
print(size("abc"))
vars()["total"] = 9           # written through the dict itself
print(read_total(1), total)
class Box:
    total = "class"           # the class body's own name
    seen = total
    def method(self): return total
print(Box.seen, Box().method())
keep = Loud("first")
for i in range(3):
    keep = Loud("n%d" % i)    # the new value is stored, then the old one dropped
    print("stored", keep.name, sys.getrefcount(keep))
def closure():
    count = 0
    def bump():
        nonlocal count
        count = count + 1
    bump(); bump()
    return count
print(closure(), sys.getrefcount(keep))
