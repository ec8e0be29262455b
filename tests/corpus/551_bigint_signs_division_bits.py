# Floor division, modulo, divmod, powers, shifts and bit operations on big
# ints with every sign: Python's rules (floor, remainder with the divisor's
# sign, infinite two's complement), not C's.
big = 10 ** 30 + 7
for a in (big, -big):
    for b in (7, -7, 2 ** 70, -(2 ** 70)):
        print(a // b, a % b, divmod(a, b))
print(-(2 ** 63) // -1, -(2 ** 63) % -1, divmod(-(2 ** 63), -1), abs(-(2 ** 63)), -(-(2 ** 63)))
print(pow(3, 10 ** 20, 10 ** 25 + 7), pow(2, -1, 10 ** 30 + 1), pow(-5, 3, -(10 ** 20)), pow(2 ** 80, 0, 1))
print(2 ** 200 >> 150, (-(2 ** 70)) >> 3, (-(2 ** 70)) >> 200, 2 ** 70 >> 10 ** 30, 1 << 100)
print(~(2 ** 70), ~-(2 ** 70), -(2 ** 70) & (2 ** 65 - 1), (2 ** 100) | 1, (2 ** 100) ^ (2 ** 99))
print((2 ** 70 + 5) & -(2 ** 64), -(2 ** 80) | 2 ** 3, -(2 ** 80) ^ -1)
print((2 ** 70).bit_length(), (-(2 ** 70)).bit_length(), (2 ** 70 - 1).bit_count(), (-(2 ** 70)).bit_count())
print((-1) ** (2 ** 70 + 1), 1 ** (10 ** 40), 0 ** (10 ** 40), (2 ** 70) ** 0, 3 ** -(10 ** 20))
print((2 ** 70).conjugate(), (2 ** 70).real, (2 ** 70).imag, (2 ** 70).numerator, (2 ** 70).as_integer_ratio())
for a, b in ((10 ** 30, 0), (10 ** 30, 0)):
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
for f in (lambda: 2 ** 70 << -1, lambda: 1 << 10 ** 20, lambda: pow(2, -1, 4), lambda: pow(2 ** 70, 2, 0)):
    try:
        print(f())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
x = 2 ** 64
x += 1
x *= x
x //= 3
x -= 10 ** 37
x <<= 3
print(x)
