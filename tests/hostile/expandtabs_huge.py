# A tab size past what a size can hold.
print('a\tb'.expandtabs(8))
try:
    print(len('a\tb'.expandtabs(2**62)))
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
'a\tb'.expandtabs(2**62)
