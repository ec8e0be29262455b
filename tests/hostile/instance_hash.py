# hash() of instances with a __hash__ method.
class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

print(hash(Key(5)) == hash(5), hash(Key('a')) == hash('a'))
d = {Key(1): 'one'}
print(d[Key(1)])
print(hash(Key((1, 2))) == hash((1, 2)))
