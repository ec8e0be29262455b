# The Unicode errors take an encoding, bytes and positions, which Reclaim
# does not model: creating one is refused before anything runs.
print("never printed")
try:
    raise UnicodeEncodeError("ascii", "caf\u00e9", 3, 4, "ordinal not in range(128)")
except UnicodeError as e:
    print(e)
