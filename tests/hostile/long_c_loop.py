# A builtin walking 10**15 items: python3 would take days; Reclaim stops
# it at the step limit, counted inside the builtin's loop.
print("start")
print(max(range(10**15)))
