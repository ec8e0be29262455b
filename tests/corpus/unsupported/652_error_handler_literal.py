# The error handler 'namereplace' is not modelled: refused before running.
print("this line would run first")
print("\u00e9".encode("ascii", errors="namereplace"))
