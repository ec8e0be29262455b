# repr() of a set holding a tuple nested 100,000 deep.
t = ()
for i in range(100000):
    t = (t,)
print("built")
print(repr({t}))
