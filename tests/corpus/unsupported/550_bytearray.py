# bytearray, the mutable bytes, is not modelled: refused before running.
print("start")
buffer = bytearray(b"abc")
buffer[0] = 65
print(buffer)
