# typing.Protocol is not modelled: refused before the script runs
from typing import Protocol

class Greeter(Protocol):
    def greet(self) -> str: ...

print("ok")
