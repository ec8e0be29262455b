# An argument created in a call expression lives until the callee returns; a kept argument survives the call.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
keep = []
def look(obj):
    print("  inside look:", obj.tag)
    return obj.tag
def store(obj):
    keep.append(obj)
    print("  stored", obj.tag)
print("look(R('temp'))")
look(R("temp"))
print("store(R('kept'))")
store(R("kept"))
print("result = look(R('temp2'))")
result = look(R("temp2"))
print("result:", result)
print("keep.clear()")
keep.clear()
print("end")
