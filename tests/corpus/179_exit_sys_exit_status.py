# sys.exit ends the script quietly with its status; __del__ still runs at exit.
import sys
class Closer:
    def __del__(self):
        print("closed at exit")
keep = Closer()
print("leaving")
sys.exit(3)
print("never")
