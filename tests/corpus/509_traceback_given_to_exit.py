# __exit__ gets the traceback, whose entry for the with statement's frame is there; kept, it is a cycle through that frame
import gc
gc.disable()
gc.collect()
class M:
    def __enter__(s): return s
    def __exit__(s, t, v, tb):
        print(t.__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next is None, tb is v.__traceback__)
        s.kept = tb
        return True
class P:
    def __del__(s): print("del P")
def f():
    p = P()
    with M() as m:
        raise KeyError("k")
    return m
m = f()
print("f returned")
del m
print("collected", gc.collect())
def g():
    raise ValueError("g")
with M():
    g()
