# A missing colon after an if condition is reported as "SyntaxError: expected ':'" before anything runs.
value = 3
print("never printed")
if value > 2
    print("big")
