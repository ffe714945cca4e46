"""The raw Word XML pieces: reproducible packages whatever the brief's date."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from briefgen.render.ooxml import reproducible_zip


def _package() -> dict[str, bytes]:
    return {"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<Types/>"}


@pytest.mark.parametrize(
    ("when", "dated"),
    [
        (dt.datetime(2025, 11, 15, 9, 30), (2025, 11, 15, 9, 30, 0)),
        (dt.datetime(1975, 5, 1), (1980, 1, 1, 0, 0, 0)),  # before ZIP's epoch
        (dt.datetime(2108, 1, 1), (2107, 12, 31, 23, 59, 58)),  # past ZIP's last date
        (None, (1980, 1, 1, 0, 0, 0)),
    ],
)
def test_entries_are_dated_within_what_zip_can_store(when, dated):
    z = zipfile.ZipFile(io.BytesIO(reproducible_zip(_package(), when)))
    assert z.namelist() == ["[Content_Types].xml", "word/document.xml"]
    assert {i.date_time for i in z.infolist()} == {dated}
