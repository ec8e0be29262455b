# sys.getsizeof is not modelled yet: refused before anything runs.
import sys
print("never printed")
print(sys.getsizeof([]))
