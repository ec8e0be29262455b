# Reclaim refuses the match statement.
value = 3
match value:
    case 3:
        print("three")
    case _:
        print("other")
