# int, bool and float have the data attributes real and imag; int also
# numerator and denominator.
import operator

print((5).real, (5).imag, (-7).numerator, (-7).denominator)
print(True.real, type(True.real), False.imag, True.denominator)
print((2.5).real, (2.5).imag, type((3.0).imag))
print(operator.attrgetter("real", "imag")(9))
try:
    print((2.5).numerator)
except AttributeError as e:
    print("AttributeError", e)
