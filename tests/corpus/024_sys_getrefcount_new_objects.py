# sys.getrefcount counts its own argument: a fresh object bound to one name reports 2.
import sys
class C:
    pass
obj = C()
print("one name:", sys.getrefcount(obj))
alias = obj
print("two names:", sys.getrefcount(obj))
holder = [obj, obj]
print("plus list twice:", sys.getrefcount(obj))
d = {"k": obj}
print("plus dict value:", sys.getrefcount(obj))
del holder, d, alias
print("back to:", sys.getrefcount(obj))
lst = []
print("empty list:", sys.getrefcount(lst))
print("temporary:", sys.getrefcount(C()))
