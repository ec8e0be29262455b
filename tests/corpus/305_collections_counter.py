# Counter: a dict of counts.  A missing key counts 0 without being stored;
# most_common() puts larger counts first and keeps the first seen first.
# Counter is a class written in Python: each instance holds its class.
import sys
from collections import Counter

words = "the cat and the dog and the bird".split()
c = Counter(words)
print(c)
print(c.most_common(2), c["the"], c["fish"], "fish" in c, len(c))
print(c.most_common(), c.most_common(0), c.total())
c.update(["cat", "cat"])
c.update({"dog": 3, "eel": 1})
c.update(bird=2)
print(c)
c.subtract("the the".split())
c.subtract({"eel": 5})
print(c, sorted(c.elements()))
print(isinstance(c, dict), type(c), c.get("the"), sorted(c.keys())[:3])
letters = Counter("mississippi")
print(letters, letters.most_common(1))
print(Counter(), Counter(a=0) == Counter(), Counter(a=1) == Counter(a=1, b=0), Counter("ab") == {"a": 1, "b": 1})
print(Counter({"x": 2, "y": 5}).most_common(), Counter([1, 1, 2]).copy(), type(Counter().copy()))
try:
    c.most_common("two")
except TypeError as e:
    print("TypeError", e)
try:
    hash(c)
except TypeError as e:
    print("TypeError", e)

before = sys.getrefcount(Counter)
counters = [Counter(), Counter("ab")]
print("class refs while two live:", sys.getrefcount(Counter) - before)
del counters
print("after:", sys.getrefcount(Counter) - before)
