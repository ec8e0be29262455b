# Reading __sizeof__ is refused (sys.getsizeof is supported): the builtin types' __sizeof__ methods are not modelled.
import sys
print("never printed")
print(sys.getsizeof([]), [].__sizeof__())
