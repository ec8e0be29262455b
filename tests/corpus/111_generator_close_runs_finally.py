# close() raises GeneratorExit at the yield: finally blocks run and locals die; closing again is a no-op.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def task():
    res = R("res")
    try:
        yield "a"
        yield "b"
    finally:
        print("  finally in task")
g = task()
for x in g:
    print("got", x)
    break
print("close()")
g.close()
print("close() again")
g.close()
print("iterate closed:", list(g))
fresh = task()
print("close an unstarted generator")
fresh.close()
print("end")
