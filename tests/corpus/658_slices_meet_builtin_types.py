# Slices where the builtin types meet them: a deque refuses them with python3's
# two messages, a[x:y] += ... reads then assigns the slice, a weak proxy
# passes them on, and a slice's __eq__ answers NotImplemented to a non-slice.
import collections, weakref
d = collections.deque([1, 2, 3])
for attempt in [lambda: d[1:2], lambda: d.__setitem__(slice(1, 2), [5])]:
    try:
        print(attempt())
    except TypeError as e:
        print("TypeError", e)
lst = [1, 2, 3, 4, 5]
lst[1:3] += [9]
print(lst)
lst[::2] *= 1
print(lst)
class C(list):
    pass
c = C([1, 2, 3])
p = weakref.proxy(c)
print(p[1:], p[::-1])
p[:1] = [7, 7]
del p[-1:]
print(c)
print(slice(1, 2).__eq__(3), slice(1, 2) == slice(1.0, 2))
s = slice(1, 2)
print(s == s, [s] == [slice(1, 2)], s in [slice(1, 2)])
t = ()
print(t[:], t[5:1], ""[::-1], b""[:])
print(list(range(10))[slice(-3, None)], list(range(10))[-100:100:7])
print(isinstance(slice(1), slice), slice.__name__, type(slice(1)) == slice)
print(NotImplemented, repr(NotImplemented))
