# A manager that drops its payload in __exit__ frees it at once, before the code after the block runs.
class Payload:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  payload", self.name, "freed")
class Session:
    def __init__(self):
        self.payload = None
    def __enter__(self):
        self.payload = Payload("data")
        return self
    def __exit__(self, a, b, c):
        print("  exit drops payload")
        self.payload = None
        return False
s = Session()
with s:
    print("  working with", s.payload.name)
print("after with, session alive:", s.payload is None)
