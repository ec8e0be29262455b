# Reclaim refuses decorators (the position is that of the decorator expression).
def trace(fn):
    return fn

@trace
def work():
    return 1
print(work())
