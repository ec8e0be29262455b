# sys.exc_info() and sys.exception(): the exception being handled, innermost first; a kept exc_info() tuple makes a cycle
import gc, sys
gc.disable()
gc.collect()
print(sys.exc_info(), sys.exception())
class Probe:
    def __del__(self): print("del Probe")
def show(where):
    t, v, tb = sys.exc_info()
    print(where, t.__name__ if t else t, v, sys.exception() is v, tb is (v.__traceback__ if v else None))
try:
    raise KeyError("outer")
except KeyError:
    show("handler:")
    try:
        raise ValueError("inner")
    except ValueError:
        show("nested handler:")
    show("back in outer:")
show("after:")
try:
    try:
        raise IndexError("in try")
    finally:
        show("finally:")
except IndexError:
    pass
def keep_info():
    probe = Probe()
    try:
        raise RuntimeError("kept")
    except RuntimeError:
        info = sys.exc_info()   # info -> traceback -> this frame -> info
    return "returned"
print(keep_info())
print("collected", gc.collect())
for bad in [lambda: sys.exc_info(1), lambda: sys.exception(1)]:
    try: bad()
    except TypeError as e: print(e)
