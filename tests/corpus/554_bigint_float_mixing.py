# Big ints with floats: conversion rounds correctly, comparison is exact,
# true division of ints is correctly rounded, and an int too large for a
# float is OverflowError.
print(float(2 ** 100), float(2 ** 53 + 1), float(2 ** 54 + 3), float(-(10 ** 30)), float(2 ** 1023 * 3 // 2))
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 2 ** 100 == 2.0 ** 100, 10 ** 400 > 1e308)
print(10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"), 10 ** 30 < float("nan"), 10 ** 30 >= float("nan"))
print(10 ** 400 / 10 ** 399, 10 ** 30 / 7, (2 ** 70 + 1) / 2 ** 70, -(10 ** 30) / 3, 0 / -(10 ** 30), 1 / 10 ** 400)
print(2 ** 64 // 2.5, 2 ** 64 % 2.5, divmod(2 ** 64, 2.5), 2 ** 64 * 0.5, 2 ** 64 - 0.5, 2 ** 70 ** 1.0)
print(round(10 ** 30 + 5 * 10 ** 4, -5), round(15 * 10 ** 20, -21), round(25 * 10 ** 20, -21), round(2 ** 70, 3))
print(round(-123456789012345678901234567890, -10), round(5, -10 ** 6), round(1e300) % 10 ** 10, int(1e30))
print(int(-1e25), int(2.5e20), (1e300).as_integer_ratio()[0] % 10 ** 9, (2.0 ** -80).as_integer_ratio())
print(max(2 ** 64, 1.8e19), min(2 ** 64, 1.9e19), sorted([2 ** 70, 1.5, -(2 ** 70), 1e21]))
for f in (lambda: float(10 ** 400), lambda: 10 ** 400 / 3, lambda: 1e308 * 10 ** 400, lambda: 10 ** 400 + 1.0,
          lambda: float(2 ** 1024 - 1), lambda: (10 ** 400) ** -1, lambda: f"{10 ** 400:f}", lambda: 1.5 < 10 ** 400):
    try:
        print(f())
    except OverflowError as e:
        print("OverflowError", e)
