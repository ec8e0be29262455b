# Frame attributes that Reclaim does not model (f_locals, f_globals,
# tb_lasti ...) are refused before anything runs.
print("never printed")
try:
    raise KeyError("k")
except KeyError as e:
    print(e.__traceback__.tb_frame.f_locals)
