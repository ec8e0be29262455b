# Attributes, cells and call arguments each add one reference while they exist.
import sys
class C:
    pass
target = C()
a = C()
a.ref = target
b = C()
b.ref = target
print("two attrs:", sys.getrefcount(target))
def probe(x):
    return sys.getrefcount(x)
print("inside a call:", probe(target))
def make_closure():
    captured = target
    def inner():
        return captured
    return inner
fn = make_closure()
print("with a closure cell:", sys.getrefcount(target))
del a.ref
del fn
print("after del attr and closure:", sys.getrefcount(target))
print("b alone:", sys.getrefcount(b))
