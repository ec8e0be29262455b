print("hello",
      x
