# bytes literals with their escapes, and repr() as python3 writes it.
print(b"hello", b'it\'s', b"say \"hi\"", b'both \' and "', b"")
print(b"\x00\x01\x7f\x80\xff", b"\t\n\r\\", b"\101\102\7", b"\u20ac \N", rb"\x41\n")
print(b"con" b"cat" rb"\d", repr(b"x"), str(b"x"), f"{b'ab'}", "%s|%r" % (b"s", b"r"))
print(len(b"\x00\x00"), b"a\x00b" == b"a\x00b", b"a\x00b" == b"a\x00c", list(b"\x00\xff"))
print(type(b"").__name__, isinstance(b"x", bytes), bool(b""), bool(b"\x00"))
print([b"spam", (b"x", 1), {b"k": b"v"}])
