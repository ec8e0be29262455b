# Reading a local before assignment raises UnboundLocalError, a kind of NameError.
def broken():
    print("before use")
    total = total + 1
    return total
try:
    broken()
except NameError:
    print("caught as NameError")
broken()
