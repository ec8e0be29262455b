# assert raises AssertionError (with its message) when false and does nothing when true.
def positive(n):
    assert n > 0, "must be positive"
    return n
print(positive(3))
try:
    positive(-1)
except AssertionError:
    print("AssertionError caught")
try:
    assert len([]) == 1
except AssertionError:
    print("bare assert failed")
print("end")
