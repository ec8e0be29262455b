# Sizes past what memory holds answer MemoryError, sizes past what a size
# holds answer OverflowError, and nothing times zero or nothing is instant.
cases = [
    ("'a' * 10**12", lambda: 'a' * 10**12),
    ("'ab' * (2**62)", lambda: 'ab' * (2**62)),
    ('[0] * (2**40)', lambda: [0] * (2**40)),
    ('[7] * (2**32 + 1)', lambda: [7] * (2**32 + 1)),
    ('(1, 2) * (2**62)', lambda: (1, 2) * (2**62)),
    ('[1, 2] * 2**31 * 2**31', lambda: [1, 2] * 2**31 * 2**31),
    ("'x'.center(2**40)", lambda: 'x'.center(2**40)),
    ("'x'.ljust(2**40)", lambda: 'x'.ljust(2**40)),
    ("'x'.zfill(2**40)", lambda: 'x'.zfill(2**40)),
    ("'%*d' % (2**40, 1)", lambda: '%*d' % (2**40, 1)),
    ("'{:{}}'.format(1, 2**40)", lambda: '{:{}}'.format(1, 2**40)),
    ("'a\\tb'.expandtabs(2**31)", lambda: 'a\tb'.expandtabs(2**31)),
    ("'a\\tb'.expandtabs(2**62)", lambda: 'a\tb'.expandtabs(2**62)),
]
for text, case in cases:
    try:
        result = case()
        print(text, '->', len(result))
    except (MemoryError, OverflowError) as e:
        print(text, '->', type(e).__name__, e)

print(repr('' * 10**18), [] * 10**18, () * 10**18, 'ab' * 0, [1] * -3)
print(len('ab' * 1000), len([0, 1] * 1000), ('a',) * 3)
s = 'ab'
for i in range(10):
    s = s + s
print(len(s), len(''.join([s] * 10)), len(s.expandtabs(4)))
x = [0]
for i in range(10):
    x.extend(x)
print(len(x))
