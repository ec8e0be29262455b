# traceback objects: one per frame the exception went through, outermost first; tb_lineno, tb_frame, f_back, f_code, with_traceback
def inner(n):
    raise ValueError("bad " + str(n))
def middle():
    inner(1)
def walk(tb):
    while tb is not None:
        f = tb.tb_frame
        print(" ", tb.tb_lineno, f.f_lineno, f.f_code.co_name, f.f_back is None, type(tb).__name__, type(f).__name__)
        tb = tb.tb_next
try:
    middle()
except ValueError as e:
    walk(e.__traceback__)
    frame = e.__traceback__.tb_next.tb_next.tb_frame
    print(frame.f_back.f_code.co_name, frame.f_back.f_back.f_code.co_name, frame.f_back.f_back.f_back)
    print(e.__traceback__.tb_frame.f_code is e.__traceback__.tb_frame.f_code)
def catch_inside():
    try:
        inner(2)
    except ValueError as e:
        return e
e = catch_inside()
print("caught inside a function:")
walk(e.__traceback__)
try:
    try:
        middle()
    except ValueError:
        raise            # a bare raise adds no entry
except ValueError as e:
    print("re-raised:")
    walk(e.__traceback__)
    saved = e
try:
    raise KeyError("k").with_traceback(saved.__traceback__)
except KeyError as k:
    print("with_traceback:")
    walk(k.__traceback__)
print(ValueError("v").with_traceback(None).__traceback__)
