# pprint.pprint() writes to standard output only: a stream given to it is
# refused before the script starts (python3 writes to it in pieces).
import pprint

class Collect:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)

print("this line would run first")
out = Collect()
pprint.pprint({"a": [1, 2, 3]}, out)
pprint.pprint([1, 2], stream=None)
pprint.pp({"b": 2}, stream=out)
print(out.parts)
