# generator.throw() raises at the paused yield: handlers and finally blocks
# inside the generator run, what the generator yields next is throw()'s
# result, and an exception it lets out reaches the caller.
def worker():
    try:
        while True:
            try:
                got = yield "ready"
                print("got", got)
            except ValueError as e:
                print("handled", repr(e), "context", repr(e.__context__))
                yield "recovered"
    finally:
        print("finally runs")

g = worker()
print(next(g))
print(g.send(1))
print(g.throw(ValueError("bad")))
print(next(g))
try:
    raise KeyError("caller's")
except KeyError:
    # the caller's exception is not chained to the thrown one
    print(g.throw(ValueError))
print(next(g))
try:
    g.throw(TypeError, "kind")
except TypeError as e:
    print("left the generator:", repr(e))
print("after the throw")
try:
    next(g)
except StopIteration:
    print("finished")
# thrown into a finished generator: raised at once
try:
    g.throw(IndexError(7))
except IndexError as e:
    print("finished generator re-raises", repr(e))

# a generator never started is finished by throw, its body never runs
def never():
    print("body runs")
    yield 1
n = never()
try:
    n.throw(ValueError("early"))
except ValueError as e:
    print("unstarted:", e)
print(list(n))

# StopIteration thrown in becomes RuntimeError, caused by it
def one():
    yield 1
o = one()
next(o)
try:
    o.throw(StopIteration(5))
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

# the forms of the arguments
def echo():
    while True:
        try:
            yield
        except Exception as e:
            print(type(e).__name__, e.args)
e = echo()
next(e)
e.throw(ValueError)
e.throw(ValueError, 3)
e.throw(ValueError, (1, 2))
inst = ValueError("same")
e.throw(ValueError, inst)
e.throw(inst)
e.throw(ValueError, None, None)
for bad in [(3,), (inst, 1), (ValueError, 1, 2), ()]:
    try:
        e.throw(*bad)
    except TypeError as err:
        print("TypeError:", err)
e.close()

# a traceback given as the third argument is the exception's own
def fail():
    raise ValueError("with a traceback")
try:
    fail()
except ValueError as err:
    saved = err
def catcher():
    try:
        yield
    except ValueError as err:
        print("traceback kept:", err.__traceback__ is not None, err is saved)
        yield "done"
c = catcher()
next(c)
print(c.throw(ValueError, saved, saved.__traceback__))
try:
    c.throw(ValueError, None, "not a traceback")
except TypeError as err:
    print("TypeError:", err)
