# sys.exc_info is not modelled yet: refused before anything runs.
import sys
print("never printed")
try:
    raise KeyError("k")
except KeyError:
    print(sys.exc_info()[0])
