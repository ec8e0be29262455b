# Adding an int to a str raises TypeError; calling with the wrong number of arguments too.
def two(a, b):
    return a + b
print(two(1, 2))
try:
    two(1)
except TypeError:
    print("caught TypeError for a missing argument")
print("now adding int and str")
print(1 + "one")
