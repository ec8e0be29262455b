# asdict() deep-copies values; copy.deepcopy would call a class's own
# __reduce__ (or __reduce_ex__, __getstate__, __setstate__), which
# Reclaim's copy does not: refused before the script starts.
from dataclasses import dataclass, asdict

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __reduce__(self):
        print("reduce")
        return (Money, (self.cents,))

@dataclass
class Price:
    amount: Money

print("this line would run first")
print(asdict(Price(Money(250)))["amount"].cents)
