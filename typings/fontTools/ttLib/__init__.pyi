from typing import IO, Literal, Self, overload

class Panose:
    bFamilyType: int
    bSerifStyle: int
    bWeight: int
    bProportion: int
    bContrast: int
    bStrokeVariation: int
    bArmStyle: int
    bLetterForm: int
    bMidline: int
    bXHeight: int

class OS2Table:
    panose: Panose

class Glyph:
    def removeHinting(self) -> None: ...

class GlyphTable:
    def __getitem__(self, name: str) -> Glyph: ...

class TTFont:
    def __init__(
        self,
        file: str | IO[bytes] | None = None,
        *,
        lazy: bool | None = None,
        recalcTimestamp: bool = True,
        recalcBBoxes: bool = True,
    ) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...
    def save(self, file: str | IO[bytes]) -> None: ...
    @overload
    def __getitem__(self, tag: Literal["OS/2"]) -> OS2Table: ...
    @overload
    def __getitem__(self, tag: Literal["glyf"]) -> GlyphTable: ...
    def __contains__(self, tag: str) -> bool: ...
    def __delitem__(self, tag: str) -> None: ...
    def getGlyphOrder(self) -> list[str]: ...
