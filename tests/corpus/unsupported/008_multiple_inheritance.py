# Classes may have one base only: a second base is refused (the position is that of the second base).
class A:
    pass
class B:
    pass
class C(A, B):
    pass
print(C is not None)
