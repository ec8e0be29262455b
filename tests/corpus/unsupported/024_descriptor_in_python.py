# A descriptor written in Python (a class with __get__) is not called by
# Reclaim yet: refused before anything runs.
print("never printed")


class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, owner=None):
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        setattr(obj, self.name, abs(value))


class Account:
    balance = Positive()


a = Account()
a.balance = -5
print(a.balance)
