# How a list is made decides its room: exact for [a, b], slices, + and *; folded constants and list() round up to even; extend guesses.
import sys
room = lambda lst: (sys.getsizeof(lst) - 56) // 8
a = "a"
print("display", room([]), room([a]), room([a, a, a]), room([1, 2, 3]), room([1, 2, 3, 4, 5]), room(["x", None, 2.5]))
print("list()", [room(list(range(n))) for n in range(7)], room(list("abcde")), room(list((1, 2, 3))))
print("list(gen)", [room(list(x for x in range(n))) for n in (0, 1, 3, 8, 9, 17)])
print("comprehension", [room([x for x in range(n)]) for n in (0, 1, 5, 9, 17)])
base = [x for x in range(20)]
print("slice", room(base[:5]), room(base[::2]), room(base[5:5]), room(base.copy()))
print("concat", room([1, 2] + [3]), room([a] * 3), room([1, 2] * 0), room(base + base))
print("sorted", room(sorted(range(5))), room(sorted(x for x in range(3))), room(sorted([3, 1, 2])))
print("starred", room([*range(3)]), room([a, *range(3)]), room([*"ab", *"cd"]))
first, *rest = range(6)
print("unpack", room(rest))
grow = [a]
grow.extend(range(30))
print("extend range", room(grow))
grow = [a]
grow.extend(x for x in range(30))
print("extend gen", room(grow))
grow = [1, 2]
grow += [3, 4, 5]
again = grow
print("+=", room(grow), end=" ")
grow *= 3
print("*=", room(grow), grow is again, len(grow), end=" ")
grow *= 0
print("*= 0", room(grow), again)
nums = [x for x in range(16)]
del nums[:10]
print("del slice", room(nums))
nums.sort(reverse=True)
nums.reverse()
print("sort keeps", room(nums), nums)
nums.clear()
print("clear", room(nums))
print("split", room("a b c".split()), room("a,b".split(",", 1)), room(" ".join("x" * 20).split()), room("".split(",")))
print("splitlines", room("a\nb\nc".splitlines()), room("".splitlines()))
