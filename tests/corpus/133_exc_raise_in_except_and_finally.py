# try/except/finally control flow: the except block runs, then finally, also when except raises again.
def step(kind):
    try:
        print("  try", kind)
        if kind == "value":
            raise ValueError("v")
        if kind == "zero":
            return 1 // 0
        return "ok"
    except ValueError:
        print("  except ValueError")
        return "handled"
    finally:
        print("  finally", kind)
print(step("none"))
print(step("value"))
try:
    step("zero")
except ZeroDivisionError:
    print("zero propagated")
def reraise():
    try:
        raise ValueError("first")
    except ValueError:
        raise KeyError("second")
try:
    reraise()
except KeyError:
    print("KeyError from except block")
