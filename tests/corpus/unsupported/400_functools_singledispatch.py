# functools has more than Reclaim models: singledispatch is refused before
# the script starts, not met with an AttributeError when the function is made.
import functools

print("this line must not run first")

@functools.singledispatch
def describe(value):
    return "something"

@describe.register(int)
def _(value):
    return "an int"

print(describe(1), describe("a"))
