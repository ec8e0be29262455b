# Repeating nothing any number of times is instant.
print(repr('' * 10**18))
print([] * 10**18, () * 10**18)
print(len('' * 10**18 + 'x'))
