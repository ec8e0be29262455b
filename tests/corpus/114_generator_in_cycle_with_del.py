# A generator held by an object it references: the collector closes it (finally runs) and the cycle falls.
import gc
gc.disable()
gc.collect()
class Owner:
    def __init__(self, name):
        self.name = name
        self.gen = self.run()
    def run(self):
        try:
            yield self.name
            yield self.name
        finally:
            print("  finally of", self.name)
    def __del__(self):
        print("  __del__", self.name)
o = Owner("o")
for v in o.gen:
    print("got", v)
    break
del o
print("collect ->", gc.collect())
