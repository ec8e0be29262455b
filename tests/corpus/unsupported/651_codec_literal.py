# A codec python3 has and Reclaim lacks, named by a literal: refused
# before the script starts, not stopped halfway.
print("this line would run first")
text = "caf\u00e9"
print(text.encode("utf-16"))
print(text.encode("cp1252"))
