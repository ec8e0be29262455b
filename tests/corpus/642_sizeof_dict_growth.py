# sys.getsizeof of a dict: 64 until the first key, then the keys table: 8 slots, grown to hold used*3 when full; deletes never shrink it.
import sys

d = {}
sizes = [sys.getsizeof(d)]
for i in range(22):
    d[i] = i
    sizes.append(sys.getsizeof(d))
print("int keys", sizes)
s = {}
sizes = []
for i in range(12):
    s["k" + str(i)] = i
    sizes.append(sys.getsizeof(s))
print("str keys (smaller entries)", sizes)
mixed = {"a": 1}
print("one str key", sys.getsizeof(mixed), end=" ")
mixed[1] = 2
print("then an int key", sys.getsizeof(mixed))
for i in range(18):
    del d[i]
print("after 18 deletes", sys.getsizeof(d), len(d))
print("copy of sparse", sys.getsizeof(d.copy()), "dict()", sys.getsizeof(dict(d)), end=" ")
d.clear()
print("clear", sys.getsizeof(d))
print("long displays", sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11, 12: 12,
                                      13: 13, 14: 14, 15: 15, 16: 16, 17: 17, 18: 18, 19: 19, 20: 20, 21: 21, 22: 22}))
print("displays", sys.getsizeof({1: 1, 2: 2}), sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6}),
      sys.getsizeof({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}))
print("comprehension", [sys.getsizeof({i: i for i in range(n)}) for n in (0, 1, 5, 6, 11)])
print("dict()", sys.getsizeof(dict()), sys.getsizeof(dict(a=1, b=2)), sys.getsizeof(dict([(1, 2), (3, 4)])))
dense = {i: i for i in range(10)}
print("copies of dense", sys.getsizeof(dense), sys.getsizeof(dense.copy()), sys.getsizeof({**dense}))
grown = {"x": 0}
print("update", sys.getsizeof(grown.update(dense) or grown))
popped = {i: i for i in range(6)}
popped.popitem()
popped[100] = popped[101] = 1
print("popitem then insert", sys.getsizeof(popped), len(popped))
print("setdefault", sys.getsizeof({}.setdefault("k", [])), sys.getsizeof(d.setdefault(7, [])), sys.getsizeof(d))
