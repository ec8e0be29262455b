# A __del__ that never ends: python3 never ends either; Reclaim stops at
# its step limit with its own message, not "Exception ignored".
class Forever:
    def __del__(self):
        while True:
            pass

f = Forever()
print("made")
del f
print("not reached")
