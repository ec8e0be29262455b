# print() of a tuple nested 100,000 deep.
t = ()
for i in range(100000):
    t = (t,)
print("built")
print(t)
