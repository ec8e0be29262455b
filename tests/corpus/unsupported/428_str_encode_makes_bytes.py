# str.encode() and int.to_bytes() make bytes, which Reclaim does not
# model: refused before the script runs, not met halfway.
print("this line must not run first")
data = "héllo".encode("utf-8")
print(len(data), (1024).to_bytes(2, "big"))
