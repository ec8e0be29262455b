# A failing assert with a message ends the script: "AssertionError: <message>" on stderr, status 1.
def check_sorted(values):
    i = 1
    while i < len(values):
        assert values[i - 1] <= values[i], "not sorted at " + str(i)
        i += 1
    return True
print(check_sorted([1, 2, 3]))
print(check_sorted([1, 3, 2]))
