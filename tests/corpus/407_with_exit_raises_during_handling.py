# __exit__ runs while the with block's exception is being handled: an
# exception __exit__ raises has the block's as its context, and a bare
# raise inside __exit__ raises the block's exception again.
class Fails:
    def __enter__(self):
        return self
    def __exit__(self, typ, value, tb):
        raise KeyError("from __exit__")

class Reraises:
    def __enter__(self):
        return self
    def __exit__(self, typ, value, tb):
        if typ is not None:
            print("re-raising", repr(value))
            raise

try:
    with Fails():
        raise ValueError("block")
except KeyError as e:
    print(repr(e), "context", repr(e.__context__))

try:
    raise IndexError("outer")
except IndexError:
    try:
        with Fails():
            pass
    except KeyError as e:
        print(repr(e), "context", repr(e.__context__))
    try:
        with Fails():
            raise ValueError("inner")
    except KeyError as e:
        print(repr(e), "context", repr(e.__context__), "then", repr(e.__context__.__context__))

try:
    with Reraises():
        raise TypeError("again")
except TypeError as e:
    print("caught", repr(e), repr(e.__context__))
