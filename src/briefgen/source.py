"""Turn a file on disk into a Source: decoded text whose offsets never shift.

Web pages, DOCX and PDF articles are recognised by their content and turned
into text by `readers`; the Source's text is then that article text, and
offsets point into it.

The only normalisation is the one Python's text mode does (line endings become
"\n"), so offsets agree with the evaluation kit and with any reader that opens
the file as text. A leading ``date YYYY-MM-DD`` marker stays in the text; it is
recognised, not removed. Anything that is not a report of a sensible size is
refused with a SourceError whose message is one line.
"""
from __future__ import annotations

import datetime as dt
import warnings
import hashlib
import re
from pathlib import Path

from .errors import SourceError, SourceWarning
from .model import Source

MAX_BYTES = 8 * 1024 * 1024  # a larger input file is refused before it is read
MAX_TOKENS = 250_000  # words and punctuation marks extraction takes on (about 3 MB of Russian prose)

_MARKER = re.compile(r"\A\s*date[ \t]+(\S+)")
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits only: \d would take Arabic or Devanagari ones
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",  # a DOCX is read before this is asked
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an MS Office document",
    b"{\\rtf": "an RTF document",
    b"\x7fELF": "a program",
}
_BOMS = [  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]
_LEGACY = ["cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5", "cp1252"]


def read_source(path: str | Path) -> Source:
    """Read a report from disk; raise SourceError with a one-line reason when it is not one."""
    path = Path(path)
    return source_from_bytes(read_bytes(path), path.name)


def read_bytes(path: Path) -> bytes:
    """The bytes of an input file, refusing what is not a readable regular file of a sensible size."""
    try:
        if not path.exists():
            raise SourceError("no such file")
        if path.is_dir():
            raise SourceError("is a directory, not a file")
        if not path.is_file():
            raise SourceError("is not a regular file")
        _check_size(path.stat().st_size)
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)  # never more, even from a file that grows while it is read
    except PermissionError:
        raise SourceError("cannot read: permission denied") from None
    except OSError as e:
        raise SourceError(f"cannot read: {e.strerror or e}") from None
    _check_size(len(raw))
    return raw


def read_stdin() -> bytes:
    """The bytes of standard input, refused past the size limit as a file is."""
    import sys

    raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise SourceError(f"too large: more than {MAX_BYTES // 2**20} MB (the limit)")
    return raw


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise SourceError(f"too large: {size / 2**20:.1f} MB (the limit is {MAX_BYTES // 2**20} MB)")


def source_from_bytes(raw: bytes, name: str = "") -> Source:
    """A Source for a file's bytes: plain text, or the article of a web page, DOCX or PDF; its sha256 is of the bytes."""
    from . import readers

    kind, encoding = readers.binary_kind(raw), "utf-8"
    if kind is None:
        text, encoding = decode(raw)
        if not readers.is_html(text):
            return source_from_text(text, name=name, encoding=encoding, raw=raw)
        kind, content = "html", text
    else:
        content = raw
    article = readers.read(kind, content)
    text = f"date {article.date}\n{article.text}" if article.date and not _MARKER.match(article.text) else article.text
    return source_from_text(text, name=name, encoding=encoding, raw=raw, title=article.title, url=article.url)


def source_from_text(
    text: str, name: str = "", encoding: str = "utf-8", raw: bytes | None = None, *,
    title: str | None = None, url: str | None = None,
) -> Source:
    """A Source for text already in memory (line endings normalised, date marker read, size checked)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError("empty: the file has no text")
    lone = _SURROGATE.search(text)
    if lone:  # only text built in memory can hold one: decoding a file never makes them
        raise SourceError(f"not valid Unicode: a lone surrogate at character {lone.start()}")
    tokens = len(_TOKEN.findall(text))
    if tokens > MAX_TOKENS:
        raise SourceError(
            f"too long to extract: {_thousands(tokens)} words and punctuation marks "
            f"(the limit is {_thousands(MAX_TOKENS)}); split the text"
        )
    date, _ = date_marker(text)
    digest = hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest()
    return Source(text=text, name=name, sha256=digest, title=title, date=date, encoding=encoding, url=url)


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes as text, detecting BOMs and legacy Cyrillic encodings; refuse binaries."""
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            raise SourceError(f"binary file ({what}), not text")
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec.replace("-sig", "")
            except UnicodeDecodeError:
                raise SourceError(f"starts with a {codec} byte-order mark but does not decode as {codec}") from None
    if b"\x00" in raw:
        raise SourceError("binary file (contains NUL bytes), not text")
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text = _utf8_with_stray_bytes(raw)
        if text is not None:
            return text, "utf-8"
        from charset_normalizer import from_bytes

        best = from_bytes(raw, cp_isolation=_LEGACY).best()
        if best is None:
            raise SourceError("not text in UTF-8 or any known Cyrillic encoding") from None
        text, encoding = str(best), best.encoding
    if len(_CONTROL.findall(text)) * 10 > len(text):
        raise SourceError("binary file (mostly control characters), not text")
    return text, encoding


STRAY_BYTES = 16  # at most this many undecodable bytes in otherwise good UTF-8 are replaced, not refused


def _utf8_with_stray_bytes(raw: bytes) -> str | None:
    """UTF-8 text with a few stray bytes (a bad copy, a cut character) made into U+FFFD, with a warning; else None.

    Only text that is plainly UTF-8 qualifies: it has many well-formed multi-byte characters and the
    stray bytes are a handful, so a legacy Cyrillic encoding (where nearly every letter is invalid
    UTF-8) still goes to the encoding detector.
    """
    text = raw.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for c in text if "\x80" <= c != "\ufffd")
    if stray > STRAY_BYTES or multibyte < 20 * stray:
        return None
    warnings.warn(f"{stray} stray byte sequence(s) that are not UTF-8 replaced by U+FFFD", SourceWarning, stacklevel=2)
    return text


def date_marker(text: str) -> tuple[str | None, int]:
    """The ISO date of a leading ``date YYYY-MM-DD`` marker and the offset just after it."""
    m = _MARKER.match(text)
    if not m:
        return None, 0
    value = m.group(1)
    if not _ISO.fullmatch(value):
        raise SourceError(f"malformed date marker {value!r}: expected 'date YYYY-MM-DD'")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise SourceError(f"date marker {value!r} is not a real date") from None
    return value, m.end()
