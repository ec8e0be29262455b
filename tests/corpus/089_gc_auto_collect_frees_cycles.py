# Automatic gen-0 collections free unreachable cycles while a loop runs; the rest waits for gc.collect().
import gc, weakref
gc.disable()
class Node:
    pass
freed = []
refs = []
on_free = lambda r: freed.append(1)
gc.set_threshold(20, 1000, 1000)
gc.collect()
gc.enable()
for i in range(30):
    n = Node()                                 # +1
    n.me = n
    refs.append(weakref.ref(n, on_free))       # +1
del n
gc.disable()
auto = len(freed)
print("freed automatically:", auto)
print("collect ->", gc.collect(), "newly freed:", len(freed) - auto)
gc.set_threshold(700, 10, 10)
