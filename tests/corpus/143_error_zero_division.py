# Integer division or modulo by zero raises ZeroDivisionError; the objects of the failing frame die at exit.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def ratio(a, b):
    tmp = R("tmp")
    return a // b
print(ratio(7, 2))
try:
    print(5 % 0)
except ZeroDivisionError:
    print("modulo by zero caught")
print(ratio(1, 0))
