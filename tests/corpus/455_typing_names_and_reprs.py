# typing: the names people annotate with, subscripted, and their reprs as python3 prints them
from typing import Any, Optional, List, Dict, Tuple, Set, Callable, Iterator, Generator, Union, TypeVar, ClassVar, TYPE_CHECKING, cast
import typing
T = TypeVar("T")
print(Any, Optional, List, Dict, Union, ClassVar)
print(Optional[int], List[str], Dict[str, int], Tuple[int, ...], Tuple[int, str], Set[float])
print(Callable[[int, str], bool], Callable[..., int], Iterator[int], Generator[int, None, None])
print(Union[int, str], Union[int, None], Union[None, int], Union[int, str, None], Union[int], Union[int, int])
print(T, List[T], ClassVar[int], TYPE_CHECKING, cast(int, "x"))
print(list[int], dict[str, list[int]], tuple[int, ...], type[int], int | None, int | str | None)
print(List[int] is List[int], list[int] is list[int], Optional[int] == Union[int, None], list[int] == list[int])
print(Union[int, str] == Union[str, int], List[int] == List[str])
class Node: pass
print(Optional["Node"], List[Node], Optional[List[Node]], typing.Dict[str, Any])
print(Optional["Node"] is Optional["Node"], List["X"] == List["X"], List["X"] == List["Y"])
print(List[int].__origin__, List[int].__args__, Optional[int].__args__, (int | None).__args__)
print(list[int]([1, 2]), dict[str, int](a=1), Callable[int, str])
def f(x: Optional[int] = None, *items: List[str]) -> Dict[str, T]: pass
print(f.__annotations__)
for make in [lambda: List[int, str], lambda: Dict[int], lambda: Optional[int, str], lambda: Union[()],
             lambda: Node[int], lambda: List[int](), lambda: Union(), lambda: List[(int, str)],
             lambda: List[Union], lambda: None | None]:
    try:
        print(make())
    except TypeError as e:
        print("TypeError:", e)
