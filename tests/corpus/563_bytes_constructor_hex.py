# The forms of bytes(), bytes.hex() and bytes.fromhex().
print(bytes(), bytes(3), bytes([72, 105]), bytes(range(65, 70)), bytes((0, 255)), bytes(b"copy"))
print(bytes("héllo", "utf-8"), bytes("abc", encoding="ascii"), bytes("é", "ascii", "replace"))
print(bytes(x * 2 for x in range(3)), bytes({7: 0}), bytes([True, False]))
print(b"\x00\xffA".hex(), b"".hex(), b"abc".hex(":"), b"abc".hex("-"))
print(bytes.fromhex("48 65 6c6c 6F"), bytes.fromhex(""), b"".fromhex("ff"), bytes.fromhex(b"\x01\x02".hex()))
x = bytes([1, 2, 3])
print(x is bytes(x), x == b"\x01\x02\x03")
for bad in (lambda: bytes(-1), lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(["a"]), lambda: bytes("abc"),
            lambda: bytes(1.5), lambda: bytes(3, "ascii"), lambda: bytes.fromhex("4"), lambda: bytes.fromhex("zz"),
            lambda: bytes.fromhex("41 4"), lambda: b"ab".hex("::"), lambda: bytes(None)):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
