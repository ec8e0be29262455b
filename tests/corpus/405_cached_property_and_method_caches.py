# functools.cached_property computes once and stores the value in the
# instance's __dict__, so the value lives and dies with the instance.
# lru_cache on a method keeps every `self` it was called with alive in its
# keys, long after the program let go of the instance.
import functools, gc

class Value:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  value", self.name, "dies")

class Report:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  report", self.name, "dies")
    @functools.cached_property
    def summary(self):
        "An expensive summary."
        print("  computing summary of", self.name)
        return Value("summary of " + self.name)
    @functools.lru_cache(maxsize=8)
    def page(self, n):
        return Value("page %d of %s" % (n, self.name))

r = Report("q1")
print("first read")
s1 = r.summary
print("second read")
s2 = r.summary
print(s1 is s2, sorted(vars(r)), vars(r)["summary"] is s1)
del s1, s2
print("del the attribute: the value goes")
del r.summary
print("read again")
r.summary
print(type(Report.summary).__name__, Report.summary.__doc__, Report.summary.attrname)
print("assigning replaces the cached value")
r.summary = "plain"
print(r.summary)
print("del r: the report and its value go together")
del r

print("--- lru_cache on a method")
r = Report("q2")
r.page(1)
r.page(2)
r.page(1)
print(Report.page.cache_info(), repr(r.page).split(" of ")[0])
print("del r: the cache keys still hold the report")
del r
gc.collect()
print("cache_clear")
Report.page.cache_clear()
print("end")
