# str.maketrans() makes a dict of code points, and str.translate() asks
# the table for each character as table[ord(c)] does: a dict, a list or a
# class's own __getitem__; what it cannot find stays, None deletes.
import sys

table = str.maketrans("ab", "xy", "e")
print(table, type(table).__name__)
print("abcde".translate(table))
print(str.maketrans({"a": "AA", 98: None, "c": 100}))
print("hello world".translate({ord("l"): "L", ord("o"): None, ord(" "): 95}))
print("abc".translate(["x", "y", "z"] * 40))
print("abc".translate({}))
print("ünï".translate(str.maketrans("ü", "u")))
print("x".maketrans("a", "b"))

class Shout:
    def __init__(self):
        self.asked = []
    def __getitem__(self, code):
        self.asked.append(code)
        if code == ord("q"):
            raise LookupError(code)
        return chr(code).upper()

s = Shout()
print("quiet".translate(s), s.asked)

# the values of the table are shared with it, not copied
piece = "p" * 3
t = {ord("a"): piece}
print(sys.getrefcount(piece) > 1, "banana".translate(t))

bad_calls = [
    lambda: str.maketrans(),
    lambda: str.maketrans(1),
    lambda: str.maketrans({"ab": 1}),
    lambda: str.maketrans({1.5: 1}),
    lambda: str.maketrans("ab", "c"),
    lambda: str.maketrans(1, "c"),
    lambda: str.maketrans("a", 1),
    lambda: str.maketrans("a", "b", 3),
    lambda: str.maketrans("a", "b", "c", "d"),
    lambda: "abc".translate(),
    lambda: "abc".translate({97: 1.5}),
    lambda: "abc".translate({97: 0x110000}),
    lambda: "abc".translate(5),
    lambda: "abc".translate({97: -1}),
]
for bad in bad_calls:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
