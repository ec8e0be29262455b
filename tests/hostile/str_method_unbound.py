# str.lower(5): an unbound str method called on an int.
print(str.lower('ABC'), str.upper('x'))
try:
    str.lower(5)
except TypeError as e:
    print(e)
str.lower(5)
