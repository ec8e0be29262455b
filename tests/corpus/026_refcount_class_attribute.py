# A class attribute lives until deleted from the class; an instance attribute shadows it without freeing it.
class R:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  del", self.tag)
class Config:
    default = R("class-level")
c = Config()
print("c.default:", c.default.tag)
c.default = R("instance-level")
print("c.default:", c.default.tag, "/ Config.default:", Config.default.tag)
print("del c.default")
del c.default
print("c.default:", c.default.tag)
print("del Config.default")
del Config.default
print("hasattr:", hasattr(c, "default"))
print("Config.extra = R('extra') then rebind")
Config.extra = R("extra")
Config.extra = None
print("end")
