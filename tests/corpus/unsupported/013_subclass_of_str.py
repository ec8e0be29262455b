# A class based on a builtin type other than object, list, dict or an exception is refused.
print("never printed")
class Name(str):
    pass
