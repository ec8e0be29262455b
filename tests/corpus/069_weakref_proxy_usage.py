# A weakref.proxy forwards attribute access and method calls while the object lives.
import weakref
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
    def deposit(self, n):
        self.balance = self.balance + n
        return self.balance
acct = Account("ann")
p = weakref.proxy(acct)
print("owner:", p.owner)
print("deposit:", p.deposit(5), p.deposit(7))
p.balance = 100
print("set through proxy:", acct.balance)
print("count:", weakref.getweakrefcount(acct))
cb = weakref.proxy(acct, lambda r: print("  proxy callback"))
print("del acct")
del acct
print("end")
