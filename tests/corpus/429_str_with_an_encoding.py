# str(object, encoding, errors) decodes bytes-like objects only; given
# anything else it raises as python3 does, and with no object it is ''.
for value in ["text", 5, [1], None]:
    try:
        str(value, "utf-8")
    except TypeError as e:
        print("TypeError:", e)
print(repr(str(encoding="utf-8")), repr(str(errors="strict")))
for args in [("a", 5), ("a", "utf-8", 1)]:
    try:
        str(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    str("a", errors=[])
except TypeError as e:
    print("TypeError:", e)
print(str("plain"))
