# contextlib.ContextDecorator as a base class: an instance decorates a
# function, which then runs inside `with self._recreate_cm()` (the
# instance itself, unless a subclass says otherwise).  The decorated
# function holds the instance; __exit__ may suppress or replace the
# exception.  @contextmanager on a method binds self like a function.
import contextlib, sys


class Logged(contextlib.ContextDecorator):
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        print("enter", self.label)
        return self

    def __exit__(self, typ, value, tb):
        print("exit", self.label, typ.__name__ if typ else None)
        return typ is KeyError

    def __del__(self):
        print("del Logged", self.label)


@Logged("a")
def ok(x):
    return x + 1


@Logged("b")
def swallowed():
    raise KeyError("gone")


print(ok(1), ok.__name__, ok.__wrapped__.__name__)
print(swallowed())
print(sys.getrefcount(Logged("temp")))


class Fresh(Logged):
    count = 0

    def _recreate_cm(self):
        Fresh.count += 1
        return Fresh("copy%d" % Fresh.count)


@Fresh("orig")
def twice():
    print("twice runs")


twice()
twice()


class Replacing(contextlib.ContextDecorator):
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        raise RuntimeError("from exit")


@Replacing()
def broken():
    raise ValueError("inner")


try:
    broken()
except RuntimeError as e:
    print("RuntimeError:", e, "context:", repr(e.__context__))


class Account:
    def __init__(self):
        self.log = []

    @contextlib.contextmanager
    def transaction(self, name):
        self.log.append("begin " + name)
        yield self
        self.log.append("commit " + name)

    @Logged("method")
    def deposit(self, n):
        self.log.append("deposit %d" % n)
        return self


acct = Account()
with acct.transaction("t1") as a:
    print(a is acct)
print(acct.deposit(5) is acct, acct.log)
print(repr(acct.transaction).startswith("<bound method Account.transaction of"))
print("dropping ok")
del ok
print("end")
