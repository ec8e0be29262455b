# Every way a call can fail to bind to keyword-only and positional-only
# parameters raises the TypeError python3 3.11 raises, word for word.


def kw(a, *, b, c=1):
    pass


def two_kw(a, b, /, c, *, d, e):
    pass


def pos(a, /):
    pass


def mixed(a, b=2, /, c=3, *, d, e=5, **kw):
    pass


def only_kw(*, a):
    pass


def star(*args, key):
    pass


class Account:
    def __init__(self, owner, /, *, balance=0):
        pass

    def deposit(self, amount, /, *, note):
        pass

    @classmethod
    def open(cls, *, owner):
        pass

    @staticmethod
    def check(number, /):
        pass


def renamed(x, *, y):
    pass


renamed.__qualname__ = "Other.name"

calls = [
    lambda: kw(1),
    lambda: kw(1, 2),
    lambda: kw(1, 2, b=3),
    lambda: kw(1, 2, 3, b=3, c=4),
    lambda: kw(b=1),
    lambda: kw(1, b=2, d=3),
    lambda: kw(1, b=2, a=3),
    lambda: two_kw(1, 2, 3),
    lambda: two_kw(1, 2),
    lambda: two_kw(a=1, b=2, c=3, d=4, e=5),
    lambda: two_kw(b=1, a=2, x=0),
    lambda: two_kw(1, 2, 3, 4),
    lambda: two_kw(1, 2, 3, 4, d=1, e=2),
    lambda: two_kw(1, 2, 3, d=1, c=3),
    lambda: pos(),
    lambda: pos(1, 2),
    lambda: pos(a=1),
    lambda: pos(1, a=1),
    lambda: mixed(),
    lambda: mixed(1, a=2),
    lambda: mixed(1, 2, 3, 4),
    lambda: mixed(1, 2, 3, 4, d=1),
    lambda: only_kw(1),
    lambda: only_kw(),
    lambda: only_kw(1, a=2),
    lambda: only_kw(2, 3, a=1),
    lambda: star(1, 2),
    lambda: star(1, key=1, kye=2),
    lambda: (lambda a, /, *, b: 0)(a=1),
    lambda: (lambda *, b: 0)(1),
    lambda: (lambda *, b, c, d: 0)(c=1),
    lambda: (lambda *, b, c, d: 0)(),
    lambda: Account(),
    lambda: Account(owner="me"),
    lambda: Account("me", 10),
    lambda: Account("me").deposit(5),
    lambda: Account("me").deposit(amount=5, note="x"),
    lambda: Account.open("me"),
    lambda: Account.open(),
    lambda: Account.check(number=1),
    lambda: renamed(1),
    lambda: renamed(1, 2, y=3),
]
for call in calls:
    try:
        call()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)

kw.__kwdefaults__ = {"b": "now has a default", "c": 0}
kw(1)
kw.__kwdefaults__ = None
try:
    kw(1, b=2)
    kw(1)
except TypeError as e:
    print("TypeError:", e)
