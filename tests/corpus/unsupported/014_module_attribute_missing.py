# An attribute of a module that Reclaim does not model is refused before
# the script starts, not met with an AttributeError halfway through it.
# Every one is listed; the last line names the first of them again.
import gc
import sys

print("this line must not run first")
print(sys.getswitchinterval() > 0, gc.isenabled())
print(sys.getallocatedblocks() > 0)
