# Ints past 64 bits: factorials, Fibonacci numbers and powers of two, and
# the small ints they come back to.
import sys


def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print(2 ** 100)
print(2 ** 64, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1, 9223372036854775807 + 1)
print(factorial(30))
print(factorial(100))
print(fibonacci(200))
print(fibonacci(300) // fibonacci(299), fibonacci(300) % 1000000007)
print(factorial(50) // factorial(48), factorial(25) // 2 ** 22)
print(2 ** 100 - 2 ** 100 + 7, type(2 ** 100 - 2 ** 100), 2 ** 100 // 2 ** 98)
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), max(2 ** 70, 3 ** 44), min(-(2 ** 70), -(3 ** 44)))
print(123456789012345678901234567890 * 987654321098765432109876543210)
print(0xFFFFFFFFFFFFFFFFFFFFFFFF, 0o7777777777777777777777777, 0b1 << 80, 1_000_000_000_000_000_000_000)
print(isinstance(2 ** 100, int), type(2 ** 100).__name__, bool(2 ** 100), not -(2 ** 100))
print(len(str(factorial(1000))), factorial(1000) % 10 ** 20 == 0)

# A big int is an immutable value: an object that holds one is freed as
# any other, and the value stays readable where it was copied.
class Box:
    def __init__(self, value):
        self.value = value

    def __del__(self):
        print("del Box", self.value)


box = Box(factorial(22))
kept = box.value
del box
print("kept", kept, kept == factorial(22))
boxes = [Box(2 ** k) for k in (64, 65)]
boxes.pop()
print("popped")
del boxes
print("end")
