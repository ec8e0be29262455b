# str() of a list of big strings.
big = 'x' * 100000000
items = [big] * 100
print(len(items))
s = str(items)
