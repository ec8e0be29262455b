# python3 3.11 ends a NameError's traceback with the closest name it knows.
class Account:
    def __init__(self):
        self.balance = 10
def report():
    total = Account().balance
    return totl
print("calling")
report()
