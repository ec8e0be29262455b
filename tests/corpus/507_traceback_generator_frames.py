# a generator's frame in a traceback: it takes over the generator's locals when the generator ends, and has no f_back
import gc
gc.disable()
gc.collect()
class P:
    def __init__(s, n): s.n = n
    def __del__(s): print("del", s.n)
def gen():   # raises after one item: its frame ends with the exception
    p = P("gen local")
    yield 1
    raise KeyError("g")
g = gen()
try:
    for x in g:
        pass
except KeyError as e:
    saved = e
del g
print("gen dropped")
f = saved.__traceback__.tb_next.tb_frame
print(f.f_code.co_name, f.f_lineno, f.f_back)
del saved, f
print("dropped")
def gen2():
    p = P("gen2 local")
    try:
        raise ValueError("in gen2")
    except ValueError as e:
        yield e
it = gen2()
err = next(it)
fr = err.__traceback__.tb_frame
print(fr.f_code.co_name, fr.f_lineno, fr.f_back)
del it
print("it dropped")
del err, fr
print("collected", gc.collect())
