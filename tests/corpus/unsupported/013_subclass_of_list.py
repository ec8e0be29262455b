# A class based on a builtin type other than object or an exception is refused.
print("never printed")
class Stack(list):
    pass
