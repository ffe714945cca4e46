from collections.abc import Iterator
from importlib.resources.abc import Traversable

__version__: str
LANGUAGES: dict[str, Traversable]
hdcache: dict[Traversable, HyphDict]

def language_fallback(language: str) -> str | None: ...

class HyphDict:
    def __init__(self, path: Traversable) -> None: ...

class Pyphen:
    def __init__(
        self, filename: str | None = None, lang: str | None = None, left: int = 2, right: int = 2, cache: bool = True
    ) -> None: ...
    def iterate(self, word: str) -> Iterator[tuple[str, str]]: ...
    def inserted(self, word: str, hyphen: str = "-") -> str: ...
