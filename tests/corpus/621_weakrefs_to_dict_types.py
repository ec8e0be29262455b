# Which dict types take weak references: OrderedDict and Counter add a
# weak reference list, defaultdict and dict have none, a class based on
# dict adds __weakref__.
import weakref, collections
for make in (collections.OrderedDict, collections.Counter, collections.defaultdict, dict, list):
    try:
        o = make()
        r = weakref.ref(o)
        print(make.__name__, 'ok', r() is o)
    except TypeError as e:
        print(make.__name__, e)
class D(dict): pass
print(weakref.ref(D())())
