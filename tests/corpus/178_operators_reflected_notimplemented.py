# The right operand's reflected method runs when the left one has none or returns NotImplemented.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        return self.__add__(other)
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents
print(sum([Money(1), Money(2), Money(3)]).cents)
print((5 + Money(1)).cents, Money(2) == Money(2), Money(2) == 2, Money(2) != Money(3))
print(Money(1) in [Money(0), Money(1)], [Money(1), Money(2)].count(Money(2)))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
