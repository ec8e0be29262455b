# A returned object survives its frame; locals not returned die at return, before the caller binds the result.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
def build():
    scratch = R("scratch")
    product = R("product")
    return product
print("got = build()")
got = build()
print("got is", got.tag)
print("build() as an expression statement")
build()
print("chain: build().tag")
print(build().tag)
del got
print("end")
