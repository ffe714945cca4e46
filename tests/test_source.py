"""The reader: offsets kept, date marker read, bad files refused with a one-line reason."""
from __future__ import annotations

import pytest

from briefgen.errors import SourceError
from briefgen.source import date_marker, read_source


def test_seed_keeps_every_character(seed_path):
    src = read_source(seed_path)
    assert src.text == seed_path.read_text(encoding="utf-8")
    assert src.date == "2025-11-15"
    assert len(src.sha256) == 64


def test_crlf_becomes_lf_like_python_text_mode(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Первая строка.\r\nВторая.\rТретья.".encode())
    assert read_source(p).text == "Первая строка.\nВторая.\nТретья."


@pytest.mark.parametrize(
    ("text", "date", "end"),
    [
        ("date 2025-11-15 Текст", "2025-11-15", 15),
        (" date 2024-02-29\nТекст", "2024-02-29", 16),
        ("Текст без даты", None, 0),
    ],
)
def test_date_marker(text, date, end):
    assert date_marker(text) == (date, end)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("date 2025-02-30 Текст", "not a real date"), ("date 15.11.2025 Текст", "malformed date marker")],
)
def test_bad_date_marker(text, reason):
    with pytest.raises(SourceError, match=reason):
        date_marker(text)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"%PDF-1.4 ...", "PDF"),
        (b"abc\x00def", "NUL"),
    ],
)
def test_refused_files(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(SourceError, match=reason):
        read_source(p)


def test_missing_and_directory(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(SourceError, match="directory"):
        read_source(tmp_path)


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "utf-16", "utf-8-sig"])
def test_legacy_encodings_decode(tmp_path, codec):
    text = "Президент Казахстана провёл переговоры с президентом Узбекистана в Ташкенте. " * 3
    p = tmp_path / "legacy.txt"
    p.write_bytes(text.encode(codec))
    assert read_source(p).text == text
