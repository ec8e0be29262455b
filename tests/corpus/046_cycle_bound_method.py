# Storing a bound method on its own instance creates a cycle: instance -> bound method -> instance.
import gc, weakref
gc.disable()
gc.collect()
refs = []
class Button:
    def __init__(self, name):
        self.name = name
        self.on_click = self.clicked
        refs.append(weakref.ref(self, lambda r, n=name: print("  button freed", n)))
    def clicked(self):
        return "clicked " + self.name
b = Button("ok")
print(b.on_click())
del b
print("instance + bound method ->", gc.collect())
c = Button("cancel")
c.on_click = None
del c
print("cycle broken by hand; collect ->", gc.collect())
