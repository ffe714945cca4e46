from typing import IO, Literal, Self

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

class TTFont:
    def __init__(
        self, file: str | IO[bytes] | None = None, *, lazy: bool | None = None, recalcTimestamp: bool = True
    ) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...
    def save(self, file: str | IO[bytes]) -> None: ...
    def __getitem__(self, tag: Literal["OS/2"]) -> OS2Table: ...
