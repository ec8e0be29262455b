# a kept exception keeps every frame of its traceback and their locals alive; saved in a local it is a cycle only gc frees
import gc
gc.disable()
gc.collect()
class Probe:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
def inner():
    probe = Probe("inner local")
    raise ValueError("v")
def middle():
    probe = Probe("middle local")
    inner()
try:
    middle()
except ValueError as e:
    saved = e
print("handler done, locals still alive")
del saved   # the tracebacks go outermost first, each frees the inner ones before its frame
print("saved dropped")
def keeps_itself():
    probe = Probe("cycle local")
    try:
        middle()
    except ValueError as e:
        error = e   # error -> traceback -> this frame -> error
    return "keeps_itself returns"
print(keeps_itself())
print("collected", gc.collect())
def cleans_up():
    probe = Probe("clean local")
    try:
        inner()
    except ValueError as e:
        error = e
        del error   # breaks the cycle: the frame dies on return
    return "cleans_up returns"
print(cleans_up())
print("collected", gc.collect())
