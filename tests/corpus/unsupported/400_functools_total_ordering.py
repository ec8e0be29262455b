# functools has more than Reclaim models: total_ordering is refused before
# the script starts, not met with an AttributeError when the class is made.
import functools

print("this line must not run first")

@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n

print(Version(1) <= Version(2))
