# sys.getsizeof of ints: 28 up to 2**30, then 4 bytes more per 30 bits, sign aside; bool 28, float 24, None 16, tuples 40 + 8 an item.
import sys

for n in [0, 1, -1, 255, 2**30 - 1, 2**30, -(2**30), 2**60 - 1, 2**60, 2**90, -(2**90), 10**100, 2**300]:
    print(n.bit_length(), sys.getsizeof(n))
steps = []
for bits in range(0, 200, 30):
    steps.append(sys.getsizeof(1 << bits))
print("per 30 bits", steps)
print("bool", sys.getsizeof(True), sys.getsizeof(False))
print("float", sys.getsizeof(0.0), sys.getsizeof(1e300), sys.getsizeof(float("inf")))
print("None", sys.getsizeof(None))
print("tuple", sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)), sys.getsizeof(tuple(range(10))))
print("nested tuple counts pointers", sys.getsizeof(((1, 2, 3), (4, 5, 6))))
print("range", sys.getsizeof(range(10)), sys.getsizeof(range(0, 10**6, 3)))
print("computed", sys.getsizeof(7 * 6), sys.getsizeof(2**62 + 2**62), sys.getsizeof(-5 // 2), sys.getsizeof(3 / 2))
