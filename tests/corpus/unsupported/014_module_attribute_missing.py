# An attribute of a module that Reclaim does not model is refused before
# the script starts, not met with an AttributeError halfway through it.
# Every one is listed; the last line names the last of them.
import gc
import sys

print("this line must not run first")
print(len(gc.get_stats()))
print(sys.getallocatedblocks() > 0)
