# Bound methods are new objects on each access, but they compare equal
# (and hash equal) when they bind the same function to the same object,
# so unsubscribing a callback works.
class Handler:
    def __init__(self, name):
        self.name = name

    def run(self, event):
        print(self.name, "got", event)

    def __eq__(self, other):
        return True          # __self__ is compared by identity, not ==

    def __hash__(self):
        return 1          # equal hashes do not make the methods equal


h = Handler("h")
g = Handler("g")
print(h.run == h.run, h.run is h.run, h.run != h.run)
print(hash(h.run) == hash(h.run), h.run == g.run, h.run == h.__init__)
subscribers = [h.run, g.run]
subscribers.remove(h.run)
print(len(subscribers), subscribers[0].__self__.name)
for s in subscribers:
    s("event")
callbacks = {h.run, g.run}
callbacks.discard(h.run)
callbacks.discard(h.run)
print(len(callbacks), g.run in callbacks, h.run in callbacks)
table = {h.run: "h"}
print(table[h.run], table.get(g.run))
print(Handler.run == Handler.run, h.run.__func__ is Handler.run)
