# An uncaught exception prints a traceback on stderr and exits with status 1; stdout printed before is kept.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def check(n):
    if n > 2:
        raise ValueError("n too big: " + str(n))
    return n
keep = R("global")
print("check(1) =", check(1))
print("check(5) next")
check(5)
print("never printed")
