# sys.getsizeof of a set: 216 with its 8 inline slots; a table of 4*used slots once fill*5 >= mask*3; discards leave the table as it is.
import sys

s = set()
print("empty", sys.getsizeof(s))
sizes = []
for i in range(20):
    s.add(i)
    sizes.append(sys.getsizeof(s))
print("add", sizes)
print("add again", sys.getsizeof(s), len(s))
s.add(3)
print("an item already in", sys.getsizeof(s))
for i in range(15):
    s.discard(i)
print("after discards", sys.getsizeof(s), len(s))
s.clear()
print("clear", sys.getsizeof(s))
print("displays", sys.getsizeof({1, 2, 3, 4}), sys.getsizeof({1, 2, 3, 4, 5}), sys.getsizeof({"a", "b"}))
x = "x"
print("display of names", sys.getsizeof({x, x + "1", x + "2", x + "3", x + "4"}))
print("set()", sys.getsizeof(set(range(4))), sys.getsizeof(set(range(5))), sys.getsizeof(set("abcdefgh")))
print("comprehension", [sys.getsizeof({i for i in range(n)}) for n in (0, 4, 5, 18, 19)])
five = set(range(5))
print("from a set", sys.getsizeof(set(five)), sys.getsizeof(five.copy()), sys.getsizeof(five | {9}))
print("from a dict", sys.getsizeof(set({i: i for i in range(10)})))
grown = {100}
grown.update(five)
grown |= {200, 300}
print("update", sys.getsizeof(grown), len(grown))
alias = grown
grown &= {100, 0, 1, 2}
print("&= in place", grown is alias, sys.getsizeof(grown), end=" ")
grown -= {0}
grown ^= {7}
print("-= ^= in place", grown is alias, sorted(grown))
popped = set(range(10))
popped.pop()
print("pop", sys.getsizeof(popped))
print("items not counted", sys.getsizeof({"a" * 100}) == sys.getsizeof({1}))
