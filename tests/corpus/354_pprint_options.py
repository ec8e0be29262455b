# pprint's options: width, indent, depth, compact, sort_dicts (pp keeps insertion order), underscore_numbers, and their errors.
import pprint
data = {"zeta": [1, 2, 3], "alpha": {"b": 2, "a": 1}, "nested": [[[1, 2]], {"x": {"y": {}}}, (1, (2, (3,)))],
        "numbers": list(range(25)), "big": [10 ** 7, 123456789, -4000]}
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data, depth=1)
pprint.pprint(data, depth=2, width=30)
pprint.pprint(data, compact=True, width=50)
pprint.pprint(data["numbers"], compact=True, width=20, indent=3)
pprint.pp(data, width=60)
pprint.pprint(data, sort_dicts=False, width=120)
pprint.pprint(data["big"], underscore_numbers=True, width=10)
print(pprint.pformat((1, 2), width=3), pprint.pformat((1,), width=2), pprint.pformat({5, 1, 3}, width=3))
pprint.pprint("line one\nline two is longer than the width allows\n", width=30)
for options in ({"indent": -1}, {"depth": 0}, {"width": 0}):
    try:
        pprint.pformat([1], **options)
    except ValueError as e:
        print("ValueError:", e)
