# Assigning to a slice of a list (list_ass_slice, list_ass_subscript): the
# old items leave, the new ones come in, and only then are the old ones
# dropped -- last to first for a plain slice, first to last with a step.
import sys

class Item:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
    def __del__(self):
        print("  del", self.name)

def items(*names):
    return [Item(n) for n in names]

lst = items("a", "b", "c", "d", "e")
print("replace b, c, d by x:")
lst[1:4] = items("x")
print(lst)

print("insert at 1 (an empty slice):")
lst[1:1] = items("p", "q")
print(lst)

print("a generator as the source:")
lst[:2] = (Item(n) for n in ["g1", "g2", "g3"])
print(lst)

print("every other one, with a step:")
lst[::2] = items("s1", "s2", "s3")
print(lst)

print("backwards:")
lst[::-2] = items("r1", "r2", "r3")
print(lst)

print("everything, by nothing (the list is cleared, last first):")
lst[:] = []
print(lst)

# the new items gain a reference from the list
shared = Item("shared")
print(sys.getrefcount(shared))
box = [1, 2, 3]
box[0:2] = [shared, shared]
print(sys.getrefcount(shared), box)
box[:] = box          # a copy is taken first
print(box)
box[::-1] = box
print(box)
box[5:2] = ["late"]   # a stop before start inserts at start
print(box)
box[-100:-50] = [0]
print(box)
del box
print(sys.getrefcount(shared))

# what cannot be assigned
nums = [1, 2, 3, 4]
tries = [
    ("nums[::2] = [1]", lambda: nums.__setitem__(slice(None, None, 2), [1])),
    ("nums[1:2] = 5", lambda: nums.__setitem__(slice(1, 2), 5)),
    ("nums[::2] = 5", lambda: nums.__setitem__(slice(None, None, 2), 5)),
    ("nums[::0] = []", lambda: nums.__setitem__(slice(None, None, 0), [])),
    ("'abc'[1:] = 'x'", lambda: "abc".__setitem__(slice(1, None), "x")),
]
for text, attempt in tries:
    try:
        attempt()
    except (TypeError, ValueError, AttributeError) as e:
        print(text, "->", type(e).__name__, e)
try:
    nums[::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    (1, 2)[0:1] = [3]
except TypeError as e:
    print("TypeError", e)
nums[1:3] = "ab"
nums[len(nums):] = range(2)
print(nums)
print("end")
