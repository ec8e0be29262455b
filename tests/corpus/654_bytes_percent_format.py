# bytes % args: %s and %b take bytes (or __bytes__), %r and %a give ascii(),
# %c one byte; the numbers as for str.
class B:
    def __bytes__(self):
        return b"<B>"
print(b"%s and %b" % (b"one", b"two"), b"%5s|%-5s|" % (b"ab", b"cd"), b"%.2s" % b"xyz", b"%c%c" % (65, b"z"))
print(b"%d %i %x %X %o %05.1f %e %g %%" % (42, -3, 255, 255, 8, 3.14159, 1e10, 0.5))
print(b"%r %a" % ("h\xe9", b"x"), b"%s" % B(), b"%(k)s=%(v)d" % {b"k": b"key", b"v": 7}, b"\xff%s" % b"\xfe")
print(b"%3c|" % 66, b"%-4b|" % b"\xe9")
tries = [lambda: b'%s' % 'a', lambda: b'%d' % 'a', lambda: b'%c' % 300, lambda: b'%c' % 'a', lambda: b'%x' % 3.0, lambda: b'%s %s' % (1,),
  lambda: b'%s' % (b'a', b'b'), lambda: b'%y' % 1, lambda: b'%(a)s' % {'a': b'x'}, lambda: b'%' % ()]
for t in tries:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
