# Reading a deleted name raises NameError; uncaught, the script stops with status 1.
leftover_total = 1
print("leftover_total is", leftover_total)
del leftover_total
print("about to read a deleted name")
print(leftover_total)
