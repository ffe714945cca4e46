"""The raw Word XML pieces: reproducible packages whatever the brief's date."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from briefgen.render import ooxml
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


def _zipfile_reference(members: dict[str, bytes], when: tuple[int, int, int, int, int, int]) -> bytes:
    """What Python's zipfile writes for the same members, order and date."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            z.writestr(info, data)
    return out.getvalue()


def test_the_zip_is_what_zipfile_writes_whether_a_member_was_deflated_before_or_not():
    members = {
        "[Content_Types].xml": b"<Types/>",
        "_rels/.rels": b"",
        "word/document.xml": b"<w:p>" * 5000,
        "word/m\u00e9dia/\u0444.xml": "\u0442\u0435\u043a\u0441\u0442".encode() * 300,  # a non-ASCII name is flagged UTF-8
    }
    expected = _zipfile_reference(members, (2025, 11, 15, 9, 30, 0))
    assert reproducible_zip(members, dt.datetime(2025, 11, 15, 9, 30)) == expected
    assert reproducible_zip(members, dt.datetime(2025, 11, 15, 9, 30)) == expected  # the second time from the cache


def test_the_deflate_cache_stays_within_its_budget(monkeypatch):
    monkeypatch.setattr(ooxml, "DEFLATED_BUDGET", 4000)
    monkeypatch.setattr(ooxml, "_DEFLATED", ooxml.OrderedDict())
    for i in range(10):
        reproducible_zip({"a.xml": bytes([i]) * 900}, None)
    assert sum(map(len, ooxml._DEFLATED)) <= 4000
    reproducible_zip({"big.xml": b"x" * 1500}, None)  # over a quarter of the budget: deflated, not kept
    assert b"x" * 1500 not in ooxml._DEFLATED
    assert bytes([9]) * 900 in ooxml._DEFLATED  # the most recent are kept


def test_parts_kept_as_bytes_are_written_back_unchanged_and_the_rest_still_edits():
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT

    template = io.BytesIO()
    docx.Document().save(template)
    original = zipfile.ZipFile(template)
    doc = ooxml.open_document(ooxml.read_package(template.getvalue()), [CT.WML_STYLES])
    doc.add_paragraph("edited")
    styles = doc.part.part_related_by("http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles")
    assert not hasattr(styles, "element")  # not parsed
    written = ooxml.package_entries(doc)
    assert written["word/styles.xml"] == original.read("word/styles.xml")
    assert b"edited" in written["word/document.xml"]
