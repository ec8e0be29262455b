# slice objects: made by slice() or by a[x:y:z]; they hold their start, stop
# and step, compare as the tuple of the three, and are unhashable in 3.11.
import gc
import sys

s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step)
print(repr(slice(3)), slice(None, 5), str(slice(1, 2)))
print(type(s).__name__, type(s) is slice, isinstance(s, slice))
print(gc.is_tracked(s))

# indices(): the three numbers a sequence of that length would use
print(s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(3))
print(slice(2, 1).indices(10), slice(None, None, -2).indices(0))

# equal as tuples, ordered as tuples, never equal to a tuple
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) != slice(1, 2, None))
print(slice(1, 2) < slice(1, 3), slice(0) > slice(-1), slice(1, 2) == (1, 2, None))

# the builtin sequences take a slice object as they take a[x:y:z]
lst = [10, 20, 30, 40, 50]
print(lst[slice(1, 3)], lst[slice(None, None, -2)], lst[s])
print("hello"[slice(None, None, -1)], (1, 2, 3)[slice(2)], b"abcdef"[slice(1, None, 2)])
print(range(10)[slice(2, 8, 3)], range(10)[slice(None, None, -3)])
every_other = slice(None, None, 2)
print([c for c in "abcdefg"[every_other]])

# a slice holds its bounds: one more reference each
class Bound:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Bound(%s)" % self.name
    def __del__(self):
        print("del", self.name)

low = Bound("low")
print(sys.getrefcount(low))
held = slice(low, Bound("high"), Bound("step"))
print(sys.getrefcount(low), held)
del low
print("low still held:", held.start)
# slice_dealloc drops step, then start, then stop
del held
print("-- after the slice")

tries = [
    ("hash(slice(1))", lambda: hash(slice(1))),
    ("{slice(1): 2}", lambda: {slice(1): 2}),
    ("slice()", lambda: slice()),
    ("slice(1, 2, 3, 4)", lambda: slice(1, 2, 3, 4)),
    ("slice(1, 2, 0).indices(3)", lambda: slice(1, 2, 0).indices(3)),
    ("slice(1).indices(-1)", lambda: slice(1).indices(-1)),
    ("slice('a').indices(3)", lambda: slice('a').indices(3)),
    ("[1, 2][1:'x']", lambda: [1, 2][1:'x']),
    ("slice(1, stop=2)", lambda: slice(1, stop=2)),
    ("{}[1:2]", lambda: {}[1:2]),
    ("len(slice(1))", lambda: len(slice(1))),
    ("slice(None) < slice(1)", lambda: slice(None) < slice(1)),
]
for text, attempt in tries:
    try:
        attempt()
    except (TypeError, ValueError) as e:
        print(text, "->", type(e).__name__, e)

try:
    s.start = 4
except AttributeError as e:
    print("AttributeError", e)
