# int / int is rounded once, from the exact quotient: past 2**53 an int
# is not a double, and dividing the two doubles would round twice.
b = -9 * 59 - -9223372036854775808
print(b / 85, b / (85 or 7))
for x in [2**53 + 1, 2**53 + 3, 2**60 + 12345, 2**63 - 1, -(2**63) + 7, 10**18 + 1]:
    for y in [3, 7, 85, -13, 2**53 + 5, 10**17 + 3]:
        print(x, y, x / y, -x / y)
print((2**53 + 1) / 1, (2**63 - 1) / (2**63 - 2), 1 / (2**62 + 1))
import operator
print(operator.truediv(2**60 + 1, 3), operator.itruediv(2**60 + 1, 3))
v = 2**61 + 1
v /= 7
print(v)
