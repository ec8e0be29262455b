# A syntax error stops python3 before anything runs: nothing on stdout, "SyntaxError: invalid syntax", status 1.
print("this line is never executed")
x = = 1
print("nor this one")
