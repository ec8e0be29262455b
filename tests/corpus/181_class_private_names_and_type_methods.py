# Private names are mangled inside classes; str.lower works as a key; ranges index; iterating a changing dict fails.
class Vault:
    def __init__(self, secret):
        self.__secret = secret
    def reveal(self):
        return self.__secret
v = Vault("s3")
print(sorted(vars(v)), v.reveal(), v._Vault__secret)
print(sorted(["b", "A", "a", "C"], key=str.lower), str.upper("x"))
print(range(1, 10, 2)[2], range(5)[-1])
d = {"a": 1}
try:
    for k in d:
        d[k + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
class Guard:
    def __enter__(self):
        return self
try:
    with Guard():
        pass
except TypeError as e:
    print("TypeError:", e)
