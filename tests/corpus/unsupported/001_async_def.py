# Reclaim refuses coroutines: `async def` is outside the subset.
class Obj:
    pass
async def fetch():
    return Obj()
print("defined", fetch is not None)
