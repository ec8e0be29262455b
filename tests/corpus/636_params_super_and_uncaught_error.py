# super() without arguments takes the instance from the first positional
# parameter: a method with only *args or keyword-only parameters has
# none.  The script ends with a binding error nobody catches.


class Base:
    def __init__(self, *, name):
        self.name = name

    def describe(self, /, *, loud=False):
        text = "base " + self.name
        return text.upper() if loud else text


class Child(Base):
    def __init__(self, name, /, *, age=0):
        super().__init__(name=name)
        self.age = age

    def describe(self, /, *, loud=False):
        return super().describe(loud=loud) + " age %d" % self.age

    def no_self(*args, **kwargs):
        return super().describe()

    def keyword_self(*, self):
        return super().describe()


c = Child("kim", age=3)
print(c.describe(), c.describe(loud=True))
for call in [lambda: c.no_self(), lambda: Child.keyword_self(self=c)]:
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError:", e)

print("last call")
c.describe(True)
print("never printed")
