"""Turn dates, numbers and figures into text the way the label language writes them: the one formatter.

Every word and separator comes from the message catalogue (`templates/labels/<lang>.yaml`),
so a new language is a file: "10 млрд долл. США" in Russian, "USD 10 bn" in English.
Documents and e-mail both write dates with `Formats.date`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model import Figure

_NBSPS = re.compile("[ \u00a0]+")


class Formats:
    """Formatting rules of one label language."""

    def __init__(self, labels: dict[str, Any]) -> None:
        self.labels = labels
        self.numbers = labels["numbers"]
        self.scales = sorted(((float(v), str(w)) for v, w in self.numbers["scales"]), reverse=True)

    def date(self, iso: str | None) -> str:
        """"15 ноября 2025 г." for "2025-11-15"; the text as given when it is not an ISO date."""
        d = iso_date(iso)
        if d is None:
            return iso or ""
        fmt = self.labels["dates"]
        return fmt["format"].format(day=d.day, month=fmt["months"][d.month - 1], year=d.year)

    def number(self, value: float, decimals: int = 2) -> str:
        """A number with the language's decimal mark and digit grouping, without trailing zeros."""
        text = f"{value:,.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.replace(",", "\0").replace(".", self.numbers["decimal"]).replace("\0", self.numbers["group"])

    def figure(self, f: Figure) -> str:
        """A figure's value with its unit: "до 10 млрд долл. США", "15 %", "78"."""
        if f.value is None:
            return f.text
        qualifier = self.numbers["qualifiers"].get((f.qualifier or "").lower(), f.qualifier or "")
        if f.kind == "percent":
            return _spaced(self.numbers["percent"].format(value=self._amount(f, 1.0)), qualifier)
        if f.kind == "money":
            size, scale = self._scale_for(f)
            currency = self.numbers["currencies"].get(f.unit or "", f.unit or "")
            text = self.numbers["money"].format(qualifier="", amount=self._amount(f, size), scale=scale, currency="\0")
            return _spaced(text, qualifier).replace("\0", _NBSPS.sub("\u00a0", currency)).strip()
        if f.kind == "count" and abs(f.value) >= 1_000_000:
            size, scale = self._scale_for(f)
            return _spaced(f"{self._amount(f, size)} {scale}", qualifier)
        unit = f.unit if f.kind == "quantity" and f.unit else ""
        return _spaced(f"{self._amount(f, 1.0)} {unit}", qualifier)

    def _scale_for(self, f: Figure) -> tuple[float, str]:
        for size, word in self.scales:
            if abs(f.value or 0) >= size:
                return size, word
        return 1.0, ""

    def _amount(self, f: Figure, size: float) -> str:
        low = self.number((f.value or 0) / size)
        if f.value_max is None or f.value_max == f.value:
            return low
        return self.numbers["range"].format(low=low, high=self.number(f.value_max / size))


def iso_date(text: str | None) -> dt.date | None:
    """The date an ISO text starts with ("2025-11-15", "2025-11-15T10:00"); None when there is none."""
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _spaced(text: str, qualifier: str) -> str:
    """Join the qualifier on and make every space of a format a no-break space."""
    text = f"{qualifier} {text}" if qualifier else text
    return _NBSPS.sub("\u00a0", text.strip())
