from collections.abc import Iterable

from fontTools.ttLib import TTFont

class Options:
    name_IDs: list[str]
    notdef_outline: bool
    hinting: bool
    layout_features: list[str]
    def __init__(self, **kwargs: object) -> None: ...

class Subsetter:
    def __init__(self, options: Options | None = None) -> None: ...
    def populate(
        self, glyphs: Iterable[str] = ..., gids: Iterable[int] = ..., unicodes: Iterable[int] = ..., text: str = ""
    ) -> None: ...
    def subset(self, font: TTFont) -> None: ...
