# Object churn: short-lived instances, lists and dicts created and freed in loops.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
total = 0
for i in range(300000):
    p = Point(i, i + 1)
    pair = [p, Point(i + 2, i + 3)]
    info = {"first": pair[0], "n": i}
    total = total + info["first"].x + pair[1].y
print("total", total)
