# Several finalizers on one object run newest first, after __del__ (they are weakref callbacks).
import weakref
class Res:
    def __del__(self):
        print("  __del__")
def say(msg):
    print("  finalize", msg)
r = Res()
weakref.finalize(r, say, "one")
weakref.finalize(r, say, "two")
w = weakref.ref(r, lambda x: print("  plain callback"))
weakref.finalize(r, say, "three")
print("del r")
del r
print("end")
