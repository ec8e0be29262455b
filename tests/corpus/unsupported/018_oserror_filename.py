# OSError with a filename keeps only errno and strerror in args: Reclaim
# refuses the three-argument form before anything runs.
print("never printed")
e = FileNotFoundError(2, "No such file or directory", "data.txt")
print(e, e.args, e.filename)
