# pprint's line breaking at width 80: what fits stays on one line, longer dicts/lists/tuples/sets go one item per line, nested.
import pprint
inventory = {
    "zeta": [1, 2, 3],
    "alpha": {"beta": 2, "alpha": 1},
    "single": (1,),
    "numbers": list(range(30)),
    "rows": [[i, "cell" * i, {"k": i, "j": [i] * i}] for i in range(6)],
    "tags": {3, 1, 2},
    "words": ("x" * 30, "y" * 30, "z" * 30),
    "empty": [(), [], {}, "", set()],
}
pprint.pprint(inventory)
print(pprint.pformat(inventory["rows"]))
pprint.pprint([inventory["words"]] * 2)
pprint.pprint({(1, 2): "tuple key", 3: "int key", "a": "str key", 2.5: "float key"})
pprint.pprint({"key": "the quick brown fox jumps over the lazy dog " * 3})
pprint.pprint("a str that is longer than the width: the quick brown fox jumps over the lazy dog")
pprint.pprint(["first line\nsecond line that is much longer than anything before it " * 2])
print(repr(pprint.pformat([1, 2, 3])), pprint.saferepr({"b": [2, {"d": 4, "c": 3}], "a": 1}))
