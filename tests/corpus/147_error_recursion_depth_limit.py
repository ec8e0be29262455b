# The recursion limit is 1000 Python frames including the module's: the deepest call reached is 999.
deepest = [0]
def dive(n):
    deepest[0] = n
    return dive(n + 1)
try:
    dive(1)
except RecursionError:
    print("caught; deepest call:", deepest[0])
def count_down(n):
    if n == 0:
        return "bottom"
    return count_down(n - 1)
print("count_down(998) is fine:", count_down(998))
try:
    count_down(999)
except RecursionError:
    print("count_down(999) needs 1001 frames")
print("end")
