# bytes methods: split, join, strip, find, replace, partition ... shared with str,
# and the ASCII-only case, padding and is...() methods, with python3's messages.
data = b"  Hello, World!\tfoo bar\n"
print(data.split(), data.split(b","), data.rsplit(None, 1), data.split(b"o", 2), data.rsplit(b"o", 1))
print(data.strip(), data.lstrip(), data.rstrip(), b"xxhixx".strip(b"x"), b"abcba".lstrip(b"ab"), b"abc".rstrip(b"c"))
print(b"-".join([b"a", b"b", b"c"]), b"".join((b"x", b"y")), b", ".join(x for x in [b"1", b"2"]))
print(data.startswith(b"  H"), data.endswith((b"x", b"\n")), b"abc".startswith(b"b", 1), b"abc".endswith(b"b", 0, 2))
print(data.find(b"o"), data.rfind(b"o"), data.find(111), data.index(b"World"), data.count(b"o"), data.count(111), b"aaa".count(b""))
print(data.replace(b"o", b"0"), data.replace(b"o", b"", 1), b"abc".replace(b"", b"-"))
print(data.upper(), data.lower(), b"hELLo wORLD 1a".swapcase(), b"hello world_x1y".title(), b"hELLO".capitalize())
print(b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"x"), b"abc".rpartition(b"x"))
print(b"123".isdigit(), b"12a".isdigit(), b"".isdigit(), b"abc".isalpha(), b"ab1".isalnum(), b" \t\n".isspace(), b"\xa0".isspace())
print(b"\xe9".upper(), b"\x80".isascii(), b"".isascii(), b"ABC".isupper(), b"abc".islower(), b"Hello World".istitle(), b"1".islower())
print(b"ab".center(6), b"ab".center(7, b"*"), b"ab".ljust(5, b"-"), b"ab".rjust(5), b"-42".zfill(6), b"+7".zfill(1), b"42".zfill(5))
print(b"line1\nline2\r\nline3\rend".splitlines(), b"a\nb\n".splitlines(True), b"a\x0bb".splitlines())
print(b"prefix-body".removeprefix(b"prefix-"), b"body.txt".removesuffix(b".txt"), b"abc".removeprefix(b"x"))
print(bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes.fromhex("41 42"), b"\x00\xff".hex())
print(b"a b  c".split(b" "), b"a\x1cb".split(), "a\x1cb".split())
tries = [lambda: b'a b'.split('a'), lambda: b'ab'.join(['a']), lambda: b'ab'.join(1), lambda: b'a'.partition('a'), lambda: b'a'.partition(b''),
lambda: b'a'.strip('a'), lambda: b'a'.strip(1), lambda: b'a'.find('a'), lambda: b'a'.find(300), lambda: b'a'.find(1.0), lambda: b'a'.index(b'z'), lambda: b'a'.rindex(b'z'),
lambda: b'a'.startswith('a'), lambda: b'a'.startswith(('a',)), lambda: b'a'.replace('a', b'b'), lambda: b'a'.replace(b'a', 'b'),
lambda: b'a'.removeprefix('a'), lambda: b'a'.center(5, 'x'), lambda: b'a'.center(5, b'xy'), lambda: b'a'.split(b''), lambda: b'a'.rpartition(1),
lambda: b'a'.endswith(1), lambda: b'a'.zfill('a'), lambda: 'a'.split(b'a'), lambda: 'a'.find(b'a'), lambda: ''.join([b'a'])]
for t in tries:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)

# argument counts
tries2 = [lambda: b'a'.upper(1), lambda: b'a'.partition(), lambda: b'a'.rpartition(), lambda: b'a'.join(), lambda: b'a'.replace(b'a'), lambda: b'a'.strip(1, 2),
lambda: b'a'.find(), lambda: b'a'.startswith(), lambda: b'a'.removeprefix(), lambda: b'a'.center(), lambda: b'a'.zfill(1, 2), lambda: b'a'.isdigit(1),
lambda: b'a'.split(1, 2, 3), lambda: b'a'.count(), lambda: b'a'.expandtabs(), lambda: 'a'.partition(), lambda: 'a'.replace('a')]
for t in tries2:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)

# translate and maketrans
print(bytes.maketrans(b'', b'')[:5], b'x'.maketrans(b'a', b'b')[97:99])
table = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(table), b"abc".translate(table, b"b"))
for t in [lambda: bytes.maketrans(b'a', b''), lambda: bytes.maketrans(b'a'), lambda: b'abc'.translate(b'x'), lambda: b'abc'.translate(None, b'b'), lambda: b'abc'.translate(None, delete=b'ac'), lambda: b'abc'.translate('x'), lambda: bytes.maketrans('a', b'b')]:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
