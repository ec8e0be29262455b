# Reclaim only imports gc, weakref and sys.
import gc
import os
print(os.sep)
