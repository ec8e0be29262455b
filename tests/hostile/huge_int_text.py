# An int of 300,000 digits is cheap to compute, but python3 refuses to
# write more than 4300 decimal digits of it (or read them back): the
# ValueError, not minutes of conversion.  hex() has no limit.
x = 3 ** 630000
print(x.bit_length(), len(hex(x)))
for f in (str, repr, lambda v: f"{v:,}", lambda v: "%d" % v):
    try:
        f(x)
    except ValueError as e:
        print(e)
try:
    int("7" * 300000)
except ValueError as e:
    print(e)
print(len(str(10 ** 4299)), int("9" * 4300) % 97)
print(x)
