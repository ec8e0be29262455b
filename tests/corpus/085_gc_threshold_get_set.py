# get_threshold/set_threshold round-trip; 3.11 defaults are (700, 10, 10); isenabled follows enable/disable.
import gc
print("default:", gc.get_threshold())
gc.set_threshold(50, 5, 3)
print("changed:", gc.get_threshold())
gc.set_threshold(100)
print("only first:", gc.get_threshold())
gc.set_threshold(700, 10, 10)
print("restored:", gc.get_threshold())
print("enabled:", gc.isenabled())
gc.disable()
print("after disable:", gc.isenabled())
gc.enable()
print("after enable:", gc.isenabled())
