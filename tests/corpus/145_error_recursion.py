# Unbounded recursion raises RecursionError after about 1000 frames; uncaught, status 1.
def depth(n):
    return depth(n + 1)
def safe(n):
    if n == 0:
        return 0
    return 1 + safe(n - 1)
print("safe(500) =", safe(500))
try:
    depth(0)
except RecursionError:
    print("caught RecursionError once")
print("now uncaught")
depth(0)
