# A for loop over a generator keeps the generator while its body runs:
# what the body does to it (next, close, send, del, a second loop over the
# same one) is seen by the loop's next step, as in python3.
import gc


def count(n):
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                print("  sent", got)
    finally:
        print("  count finally")


g = count(6)
for x in g:
    print("loop", x)
    if x == 1:
        print("next in body", next(g))
    if x == 3:
        print("send in body", g.send("hello"))
print("after first loop")

g = count(5)
for x in g:
    print("loop", x)
    if x == 2:
        g.close()
print("after close")

g = count(4)
for x in g:
    print("outer", x)
    for y in g:
        print("inner", y)
        if y == 2:
            break
print("after shared loops")

for x in count(3):
    del x
    gc.collect()
print("after del")

it = iter(range(6))
for a in it:
    for b in it:
        print("pair", a, b)
        break
print(list(it), "left")

squares = (n * n for n in count(4))
print([s for s in squares if s % 2 == 0])
print([s for s in squares], "again")
