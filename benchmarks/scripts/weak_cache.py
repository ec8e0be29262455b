# A cache that holds its values weakly: 200,000 lookups, hits and misses.
import weakref

class Record:
    def __init__(self, key):
        self.key = key

cache = weakref.WeakValueDictionary()
kept = []
hits = 0
misses = 0
for i in range(200000):
    key = i % 5000
    record = cache.get(key)
    if record is None:
        misses = misses + 1
        record = Record(key)
        cache[key] = record
        if key % 2 == 0:
            kept.append(record)
    else:
        hits = hits + 1
print("hits", hits, "misses", misses, "cached", len(cache))
