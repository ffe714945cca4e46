"""Types for the few reportlab calls its stubs (types-reportlab) leave unannotated, as briefgen makes them.

Strict checking of `render/` needs every call typed; `cast(CanvasCalls, canv)` and
`cast(FontRegistry, pdfmetrics)` give these calls their types at no run-time cost.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus.paraparser import ParaFrag


class CanvasCalls(Protocol):
    """Forms, outline entries, images and the date formatter of a reportlab Canvas."""

    def doForm(self, name: str) -> None: ...

    def beginForm(
        self, name: str, lowerx: float = 0, lowery: float = 0, upperx: float | None = None, uppery: float | None = None
    ) -> None: ...

    def endForm(self) -> None: ...

    def addOutlineEntry(self, title: str, key: str, level: int = 0, closed: bool | None = None) -> None: ...

    def drawImage(
        self,
        image: str,
        x: float,
        y: float,
        width: float | None = None,
        height: float | None = None,
        mask: str | None = None,
        preserveAspectRatio: bool = False,
        anchor: str = "c",
    ) -> object: ...

    def setDateFormatter(self, dateFormatter: Callable[..., str]) -> None: ...


class FontRegistry(Protocol):
    """reportlab.pdfbase.pdfmetrics, where fonts are registered."""

    def registerFont(self, font: TTFont) -> None: ...


class InfoFormat(Protocol):
    """The document information dictionary's serialisation (PDFInfo.format)."""

    def format(self, document: object) -> bytes: ...


class SubsetObjects(Protocol):
    """A TrueType face's embedding of one subset (TTFontFace.addSubsetObjects): the font descriptor's reference."""

    def addSubsetObjects(self, doc: object, fontname: str, subset: Sequence[int]) -> object: ...


class MarkupParser(Protocol):
    """reportlab's paragraph markup parser (ParaParser.parse): the style, the fragments, the bullet's fragments."""

    def parse(self, text: str, style: ParagraphStyle) -> tuple[ParagraphStyle, list[ParaFrag], list[ParaFrag] | None]: ...


class FragmentCase(Protocol):
    """reportlab.platypus.paragraph, where a style's textTransform (capitals) is applied to fragments."""

    def textTransformFrags(self, frags: list[ParaFrag], style: ParagraphStyle) -> None: ...
