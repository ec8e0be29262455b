# Ints (and strs, lists, dicts, tuples) cannot be weakly referenced: TypeError; uncaught it ends the script.
import weakref
class Obj:
    pass
print("instance ok:", weakref.ref(Obj()) is not None)
try:
    weakref.ref([])
except TypeError:
    print("list: TypeError")
try:
    weakref.ref({})
except TypeError:
    print("dict: TypeError")
print("now an int")
weakref.ref(5)
