# Exception chaining: an exception raised while another is handled takes
# it as __context__; `raise ... from ...` sets __cause__ and
# __suppress_context__; `from None` hides the context.  The chain keeps
# the earlier exceptions (and what they hold) alive.
class Payload:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("payload freed", self.name)


def lookup(table, key):
    try:
        return table[key]
    except KeyError as e:
        raise LookupError("no " + key) from e


try:
    lookup({}, "a")
except LookupError as e:
    cause = e.__cause__
    print(repr(e), repr(cause), e.__context__ is cause, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        {}["x"]
    except KeyError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    raise TypeError("t") from ValueError
except TypeError as e:
    print(repr(e.__cause__), type(e.__cause__).__name__)

try:
    raise TypeError("t") from 5
except TypeError as e:
    print("TypeError:", e)

e = ValueError("v")
e.__cause__ = KeyError("k")
print(repr(e.__cause__), e.__suppress_context__)
e.__suppress_context__ = False
e.__context__ = None
print(e.__suppress_context__, e.__context__)
try:
    e.__cause__ = 3
except TypeError as err:
    print("TypeError:", err)

saved = None
try:
    try:
        raise KeyError(Payload("inner"))
    except KeyError:
        raise ValueError("outer")
except ValueError as e:
    saved = e
print("inner payload alive through __context__:", saved.__context__.args[0].name)
saved = None
print("dropped the chain")

try:
    try:
        raise KeyError("k")
    finally:
        raise ValueError("in finally")
except ValueError as e:
    print("finally context:", repr(e.__context__))


def fail():
    try:
        raise KeyError("first")
    except KeyError as e:
        raise RuntimeError("second") from e


fail()
