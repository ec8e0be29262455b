# The UTF-16 and UTF-32 codecs (with a byte order mark, and the -le/-be
# variants without), utf-8-sig, python3's aliases, the error handlers and
# python3's messages; an unknown name and a codec that is no text encoding
# raise LookupError.
s = "hé€😀"
for enc in ["utf-16", "utf-16-le", "utf-16-be", "UTF16", "utf_16_le", "utf-32", "utf-32-le", "utf-32-be", "utf32", "U32", "utf-16le", "utf-8-sig"]:
    b = s.encode(enc)
    print(enc, b, b.decode(enc), len(b.decode(enc)))
print(b"\xfe\xff\x00a".decode("utf-16"), b"a\x00".decode("utf-16"), b"\xff\xfea\x00".decode("utf-16-le"), b"\xff\xfea\x00".decode("utf-16"))
print(b"\x00\x00\xfe\xff\x00\x00\x00a".decode("utf-32"), "".encode("utf-16"), b"".decode("utf-16"), "".encode("utf-32"))
tries = [b"a\x00b", b"\x00\xd8a\x00", b"\x00\xdca\x00", b"\x00\xd8", b"a"]
for t in tries:
    for errors in ["strict", "ignore", "replace", "backslashreplace"]:
        try:
            print(t, errors, repr(t.decode("utf-16-le", errors)))
        except Exception as e:
            print(t, errors, type(e).__name__, e)
    try:
        print(repr(t.decode("utf-16")))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(repr(t.decode("utf-16-be")))
    except Exception as e:
        print(type(e).__name__, e)
for t in [b"a\x00\x00", b"\x00\x00\x11\x00", b"\x00\xd8\x00\x00", b"a\x00\x00\x00b"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace"]:
        try:
            print(t, errors, repr(t.decode("utf-32-le", errors)))
        except Exception as e:
            print(t, errors, type(e).__name__, e)
    try:
        print(repr(t.decode("utf-32")))
    except Exception as e:
        print(type(e).__name__, e)
for enc in ["nope", "base64", "rot13"]:
    try:
        print("x".encode(enc))
    except LookupError as e:
        print(type(e).__name__, e)
    try:
        print(b"x".decode(enc))
    except LookupError as e:
        print(type(e).__name__, e)
for alias in ["UTF8", "utf", "cp65001", "646", "us", "l1", "8859", "cp819", "iso_8859_1", "unicodebigunmarked", "UTF-32LE", "latin"]:
    print(alias, "é".encode(alias, "replace"), "é".encode(alias, "replace").decode(alias))
try:
    "\ud800".encode("utf-16")
except Exception as e:
    print(type(e).__name__, e)
print("a\ud800b".encode("utf-16-le", "replace"), "a\ud800b".encode("utf-16-le", "ignore"), "a\ud800b".encode("utf-16-le", "backslashreplace"))
print(str(b"h\x00i\x00", "utf-16-le"), bytes("hi", "utf-32-be"), b"\xef\xbb\xbfhi".decode("utf-8-sig"), b"hi".decode("utf-8-sig"))
print("\u00e9\u20ac".encode("utf-16-le", "xmlcharrefreplace"), "x".encode("utf-16", errors="strict"))
