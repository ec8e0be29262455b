# type(name, bases, dict) makes a class at run time; Reclaim makes classes
# only from class statements and refuses the call before the script runs.
print("this line must not run first")
Point = type("Point", (), {"x": 1})
print(Point.x, Point.__name__)
