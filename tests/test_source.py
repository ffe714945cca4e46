"""The reader: offsets kept, date marker read, bad files refused with a one-line reason."""
from __future__ import annotations

import os

import pytest

from briefgen import source
from briefgen.errors import SourceError, SourceWarning
from briefgen.source import date_marker, read_source, source_from_text


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
    [
        ("date 2025-02-30 Текст", "not a real date"),
        ("date 15.11.2025 Текст", "malformed date marker"),
        ("date ٢٠٢٥-١١-١٥ Текст", r"malformed date marker '٢٠٢٥-١١-١٥': expected 'date YYYY-MM-DD'"),  # Arabic-Indic digits
    ],
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
        (b"{\\rtf1\\ansi \\b \xcf\xf0\xe8\xe2\xe5\xf2}", "RTF"),
        (b"\x7fELF\x02\x01\x01", "a program"),
        (bytes(range(1, 32)) * 20 + "немного текста".encode(), "mostly control characters"),
        (b"\xff\xfe" + "текст".encode("utf-16-le") + b"\x00\xd8", "does not decode as utf-16"),
    ],
)
def test_refused_files(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(SourceError, match=reason):
        read_source(p)


def test_missing_directory_and_not_a_regular_file(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(SourceError, match="directory"):
        read_source(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would wait forever for a writer
    with pytest.raises(SourceError, match="not a regular file"):
        read_source(tmp_path / "pipe.txt")


def test_size_limits(tmp_path, monkeypatch):
    monkeypatch.setattr(source, "MAX_BYTES", 1024)
    p = tmp_path / "big.txt"
    p.write_bytes(b"a " * 600)
    with pytest.raises(SourceError, match=r"too large: 0\.0 MB \(the limit is 0 MB\)"):
        read_source(p)
    monkeypatch.setattr(source, "MAX_TOKENS", 6)
    assert source_from_text("Раз, два, три.").text  # 6 words and marks
    with pytest.raises(SourceError, match="too long to extract: 8 words and punctuation marks"):
        source_from_text("Раз, два, три, четыре.")


def test_a_lone_surrogate_is_refused_with_its_place():
    with pytest.raises(SourceError, match="lone surrogate at character 6"):
        source_from_text("Текст \udc80 дальше")


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "utf-16", "utf-8-sig", "utf-32"])
def test_legacy_encodings_decode(tmp_path, codec):
    text = "Президент Казахстана провёл переговоры с президентом Узбекистана в Ташкенте. " * 3
    p = tmp_path / "legacy.txt"
    p.write_bytes(text.encode(codec))
    assert read_source(p).text == text


TEXT = "Президент Казахстана провёл переговоры с президентом Узбекистана в Ташкенте. " * 3


@pytest.mark.parametrize(
    ("damage", "stray"),
    [
        (lambda b: b[:40] + b"\xff" + b[40:], 1),  # one stray byte
        (lambda b: b[:41] + b[42:], 1),  # a character cut in half
        (lambda b: b.replace(b" ", b" \xff", 4), 4),  # four stray bytes after spaces
    ],
)
def test_utf8_with_a_few_stray_bytes_reads_with_a_warning(tmp_path, damage, stray):
    p = tmp_path / "damaged.txt"
    p.write_bytes(damage(TEXT.encode("utf-8")))
    with pytest.warns(SourceWarning, match=f"^{stray} stray byte sequence"):
        got = read_source(p)
    assert got.encoding == "utf-8" and got.text.count("\ufffd") == stray
    assert len(TEXT) - 1 <= len(got.text.replace("\ufffd", "")) <= len(TEXT)  # nothing else lost


def test_a_legacy_encoding_is_not_taken_for_damaged_utf8(tmp_path):
    p = tmp_path / "legacy.txt"
    p.write_bytes(TEXT.encode("cp1251"))
    assert read_source(p).text == TEXT  # every letter is invalid UTF-8: the detector decides, no warning
