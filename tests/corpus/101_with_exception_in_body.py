# __exit__ sees the exception; returning True swallows it, False lets it propagate after __exit__.
class Guard:
    def __init__(self, name, swallow):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        return self
    def __exit__(self, kind, value, tb):
        print("  exit", self.name, "exception:", kind is not None)
        return self.swallow
    def __del__(self):
        print("  del", self.name)
with Guard("quiet", True):
    print("  raising in quiet")
    raise ValueError("hidden")
print("after quiet")
try:
    with Guard("loud", False):
        print("  raising in loud")
        raise KeyError("seen")
except KeyError:
    print("caught KeyError")
print("end")
