# Shifting 1 left by 2**40 bits asks for 128 GiB: MemoryError.  A shift
# count past 64 bits is OverflowError before any memory is asked for.
for count in (2 ** 40, 10 ** 20):
    try:
        print((1 << count).bit_length())
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__, e)
print((1 << 1000).bit_length(), (-1) >> 10 ** 30, 5 >> 10 ** 30)
