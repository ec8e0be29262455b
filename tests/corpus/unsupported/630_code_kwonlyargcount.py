# Keyword-only parameters run, but a code object's counts of them
# (co_kwonlyargcount, co_posonlyargcount) are not modelled: refused
# before anything runs.
print("never printed")


def f(a, /, b, *, c):
    raise ValueError(a + b + c)


try:
    f(1, 2, c=3)
except ValueError as e:
    code = e.__traceback__.tb_next.tb_frame.f_code
    print(code.co_name, code.co_kwonlyargcount)
