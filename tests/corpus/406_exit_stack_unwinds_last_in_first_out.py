# contextlib.ExitStack: what it enters or is given to call is undone last
# in, first out; every exit callback sees the exception the later ones
# left, can suppress it, or replace it with its own (chained to the one
# it replaced).  The stack holds its managers and callback arguments alive
# until it unwinds.
from contextlib import ExitStack, contextmanager, suppress
import sys

class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, value, tb):
        print("exit", self.name, "sees", repr(value))
        return False
    def __del__(self):
        print("del", self.name)

def report(*args, **kwargs):
    print("callback", args, kwargs)

with ExitStack() as stack:
    a = stack.enter_context(Res("a"))
    stack.callback(report, 1, key="v")
    b = stack.enter_context(Res("b"))
    del a, b
    print("in the block")
print("after the block")

print("--- the exception passes through every callback")
try:
    with ExitStack() as stack:
        stack.enter_context(Res("c"))
        stack.enter_context(Res("d"))
        raise ValueError("block")
except ValueError as e:
    print("caught", repr(e))

print("--- a callback that returns true suppresses it for the earlier ones")
def swallow(typ, value, tb):
    print("swallow sees", repr(value))
    return True
with ExitStack() as stack:
    stack.enter_context(Res("e"))
    stack.push(swallow)
    stack.enter_context(Res("f"))
    raise KeyError("k")
print("went on")

print("--- an exception raised by a callback replaces the one it saw")
def fails(typ, value, tb):
    raise TypeError("from a callback")
try:
    with ExitStack() as stack:
        stack.push(fails)
        stack.enter_context(Res("g"))
        raise ValueError("original")
except TypeError as e:
    print("caught", repr(e), "context", repr(e.__context__))

print("--- two callbacks raise outside any handler: no context is linked")
def first(*exc):
    raise IndexError("first")
def second(*exc):
    raise KeyError("second")
try:
    with ExitStack() as stack:
        stack.push(second)
        stack.push(first)
except KeyError as e:
    print(repr(e), repr(e.__context__))

print("--- inside a handler: the handled exception is not linked either")
try:
    raise IndexError("outer")
except IndexError:
    try:
        with ExitStack() as stack:
            stack.push(fails)
    except TypeError as e:
        print(repr(e), repr(e.__context__))
    try:
        with ExitStack() as stack:
            stack.push(fails)
            raise ValueError("inner")
    except TypeError as e:
        print(repr(e), repr(e.__context__), repr(e.__context__.__context__))

print("--- pop_all moves the callbacks to a new stack")
with ExitStack() as stack:
    stack.enter_context(Res("h"))
    stack.callback(print, "callback of the moved stack")
    kept = stack.pop_all()
    print("the old stack is empty:", len(stack._exit_callbacks), "the new one has", len(kept._exit_callbacks))
print("the old stack closed, nothing ran")
kept.close()
print("closed again:")
kept.close()
del kept

print("--- push() of a manager binds its __exit__; the stack keeps the manager alive")
stack = ExitStack()
stack.push(Res("i"))
print(type(stack._exit_callbacks[0][1]).__name__, stack._exit_callbacks[0][0])
stack.callback(lambda r: print("callback with", r.name), Res("argument"))
print("close")
stack.close()
print("closed")

print("--- managers from contextmanager and suppress")
@contextmanager
def tag(name):
    print("open", name)
    try:
        yield name
    finally:
        print("close", name)
with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in "xyz"]
    stack.enter_context(suppress(ZeroDivisionError))
    print(names)
    1 / 0
print("suppressed")

try:
    ExitStack().enter_context(42)
except TypeError as e:
    print(e)
print(stack.push(report) is report, stack.callback(report) is report)
print("end")
