# str.encode and bytes.decode with UTF-8, ASCII and Latin-1 and the error
# handlers, with python3's UnicodeError messages.
text = "Grüße, €5"
utf8 = text.encode()
print(utf8, len(text), len(utf8), utf8.decode(), utf8.decode("utf-8") == text)
print(text.encode("latin-1", "replace"), text.encode("ascii", "ignore"), text.encode("ascii", "replace"))
print(text.encode("ascii", "backslashreplace"), text.encode("ascii", "xmlcharrefreplace"), text.encode("UTF8"))
print("abc".encode("ascii"), "ÿ".encode("latin-1"), b"\xff\xfe".decode("latin-1"), b"abc".decode("ascii"))
print(b"ok\xffok".decode("utf-8", "replace"), b"ok\xffok".decode("utf-8", "ignore"),
      b"ok\xffok".decode("utf-8", "backslashreplace"), b"\xe2\x82ok".decode(errors="replace"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str(b"x\xff", "ascii", "replace"))
for bad in (lambda: "héllo".encode("ascii"), lambda: "h€€o".encode("latin-1"), lambda: b"a\xc3".decode(),
            lambda: b"\xe2\x82".decode(), lambda: b"\xe2(x".decode(), lambda: b"\xe2\x82(".decode(),
            lambda: b"\x80".decode(), lambda: b"\xed\xa0\x80".decode(), lambda: b"x\xff".decode("ascii"),
            lambda: "x".encode("klingon"), lambda: "é".encode("ascii", "nonsense"), lambda: str("x", "ascii")):
    try:
        print(bad())
    except (UnicodeError, LookupError, TypeError) as e:
        print(type(e).__name__, e)
try:
    b"\xff".decode()
except ValueError as e:
    print("a UnicodeDecodeError is a ValueError:", isinstance(e, UnicodeError))
