# sys.getsizeof of a str: 49 + 1 a character when ASCII; else 74, 76 or 80 for the first character and 1, 2 or 4 for each next one.
import sys

for text in ["", "a", "ab", "hello world", "é", "éa", "café", "€", "€uro", "😀", "a😀", "ÿ", "Ā", "\uffff", "\U00010000"]:
    print(repr(text), len(text), sys.getsizeof(text))
sizes = [sys.getsizeof("x" * n) for n in range(0, 40, 8)]
print("ascii by length", sizes)
print("widest char decides", sys.getsizeof("a" * 10 + "é"), sys.getsizeof("a" * 10 + "€"), sys.getsizeof("a" * 10 + "😀"))
word = "abc"
print("same value, same size", sys.getsizeof(word + "d") == sys.getsizeof("abcd"))
print("upper", sys.getsizeof("straße".upper()), "join", sys.getsizeof("-".join(["a", "b", "c"])))
print("bytes", sys.getsizeof(b""), sys.getsizeof(b"abc"), sys.getsizeof("é".encode()))
print("a list of strs counts pointers only", sys.getsizeof(["a", "é" * 50]))
