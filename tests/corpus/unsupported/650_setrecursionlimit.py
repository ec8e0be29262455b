# Reclaim's recursion limit is python3's default, 1000, and fixed: a script
# that raises it is refused before it starts rather than stopped at the call.
import sys

print("this line would run first")
sys.setrecursionlimit(5000)

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(2000))
