# 0 @ 5: ints have no @.
try:
    0 @ 5
except TypeError as e:
    print(e)
0 @ 5
