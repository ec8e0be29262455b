# int.to_bytes and int.from_bytes: byte orders, two's complement, and the
# errors when a number does not fit.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: (1024).to_bytes(2, 'big')); t(lambda: (1024).to_bytes(2, 'little')); t(lambda: (-1).to_bytes(2, 'big', signed=True)); t(lambda: (-1).to_bytes(2, 'big'))
t(lambda: (65536).to_bytes(2, 'big')); t(lambda: (128).to_bytes(1, 'big', signed=True)); t(lambda: (5).to_bytes()); t(lambda: (5).to_bytes(2, 'middle')); t(lambda: (2**70).to_bytes(10, 'little'))
t(lambda: int.from_bytes(b'\x04\x00', 'big')); t(lambda: int.from_bytes(b'\xff\xff', 'little', signed=True)); t(lambda: int.from_bytes([1, 0])); t(lambda: int.from_bytes(b'\x01' * 12, 'big'))
t(lambda: (0).to_bytes(0, 'big')); t(lambda: (1).to_bytes(0, 'big')); t(lambda: (5).to_bytes(-1, 'big')); t(lambda: int.from_bytes(b'', 'big', signed=True)); t(lambda: int.from_bytes('ab'))
t(lambda: (3).to_bytes(length=2, byteorder='little'))
t(lambda: (-128).to_bytes(1, 'big', signed=True)); t(lambda: (-129).to_bytes(1, 'big', signed=True)); t(lambda: (127).to_bytes(1, 'little', signed=True)); t(lambda: (-(2**70)).to_bytes(9, 'big', signed=True))
t(lambda: int.from_bytes((-(2**70)).to_bytes(9, 'big', signed=True), 'big', signed=True)); t(lambda: (255).to_bytes(1, 'big'))
