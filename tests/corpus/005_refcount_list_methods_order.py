# list.pop, list.remove, del lst[i], item assignment and list.clear() free items at once; clear() goes last to first.
class T:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
lst = [T("t0"), T("t1"), T("t2"), T("t3"), T("t4"), T("t5")]
print("pop()")
lst.pop()
print("pop(0)")
lst.pop(0)
print("del lst[1]")
del lst[1]
print("lst[0] = T('new')")
lst[0] = T("new")
print("clear()")
lst.clear()
print("len:", len(lst))
kept = [T("k0"), T("k1")]
x = kept.pop()
print("popped value kept alive:", x.tag)
del x
print("del kept")
del kept
print("end")
