# dataclasses.InitVar is not modelled
import dataclasses

@dataclasses.dataclass
class Box:
    size: dataclasses.InitVar[int]

print(Box(1))
