# Traceback objects' attributes are not modelled yet: refused before
# anything runs.
print("never printed")
try:
    raise KeyError("k")
except KeyError as e:
    print(e.__traceback__.tb_lineno)
