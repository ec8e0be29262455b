# print() of the range type itself, and of a range.
print(range)
print(range(3), range(1, 10, 2))
print(type(range(0)) is range)
