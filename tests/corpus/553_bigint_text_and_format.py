# Big ints as text: str, repr, bin/oct/hex, format specs and f-strings,
# % formatting, and int() of text in every base; python3 3.11 writes and
# reads at most 4300 decimal digits.
n = 2 ** 100 + 12345
print(str(n), repr(-n), bin(n), oct(-n), hex(n), hex(-(2 ** 70)))
print(f"{n:,}", f"{n:_}", f"{n:_x}", f"{n:#X}", f"{n:>40}", f"{-n:+050d}", f"{n:e}", f"{n:.3%}", f"{n:g}")
print(format(10 ** 20, "e"), format(-(2 ** 70), "#b")[:12], "{:o}".format(n), "{0:^45,}".format(n))
print("%d|%x|%o|%X|%i|%10.3e" % (n, n, n, -n, -n, n))
print(int("123456789012345678901234567890"), int(" -1_000_000_000_000_000_000_000 "), int("+" + "9" * 25))
print(int("f" * 30, 16), int("0x" + "1" + "0" * 20, 0), int("1" * 70, 2), int("z" * 15, 36), int("7" * 30, 8))
print(len(str(10 ** 4299)), len(str(-(10 ** 4299))), int("9" * 4300) % 97, len(hex(10 ** 5000)))
for f in (lambda: str(10 ** 4300), lambda: repr(-(10 ** 5000)), lambda: f"{10 ** 5000:,}",
          lambda: "%d" % 10 ** 5000, lambda: int("1" * 4301), lambda: int("0" * 5000), lambda: int("1" * 5000, 16) > 0):
    try:
        print(f())
    except ValueError as e:
        print("ValueError", e)
for f in (lambda: f"{2 ** 70:c}", lambda: int("1" * 30, 2), lambda: chr(2 ** 70)):
    try:
        print(f())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
