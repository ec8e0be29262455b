# contextlib.redirect_stdout would reach sys.stdout, which scripts do not
# have: refused when imported by name.
from contextlib import contextmanager, ExitStack, redirect_stdout

print("this line must not run first")
