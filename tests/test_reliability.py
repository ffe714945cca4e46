"""Every row of the README's "What briefgen does with bad input", through extract, render and build."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from briefgen.cli import main
from briefgen.errors import SourceWarning
from briefgen.render import FORMATS
from briefgen.spans import mismatches

ROOT = Path(__file__).resolve().parents[1]
TEXT = "date 2025-03-04\nПрезидент Казахстана провёл переговоры с президентом Узбекистана в Ташкенте.\n«Мы договорились увеличить товарооборот», — сказал он.\n"
PLAIN = TEXT.replace("«", '"').replace("»", '"').replace("—", "-")  # KOI8-R has no « » —
PROSE = "Погода в регионе остаётся тёплой, а дожди ожидаются ближе к выходным. "
LINE = PROSE * (2**20 // len(PROSE.encode()) + 1)  # one line of just over 1 MB (few facts: the writers stay quick)


def _brief() -> dict:
    """A small valid brief, as plain data, with four figures."""
    text = "Товарооборот вырос на 5%, до 3 млрд долларов; 12 проектов и 40 тонн."
    figures = [
        {"start": m.start(), "end": m.end(), "text": m.group(), "kind": "count", "value": float(m.group())}
        for m in re.finditer(r"\d+", text)
    ]
    return {"schema_version": 1, "source": {"text": text, "name": "small.txt"}, "figures": figures}


def write(name: str, content: bytes | str):
    """A maker of an input file with this content."""

    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return make


def unreadable(tmp_path: Path, monkeypatch) -> Path:
    """A file this process may not read: chmod 000, or, for root (who reads it anyway), the same refusal from open()."""
    path = write("locked.txt", TEXT)(tmp_path)
    path.chmod(0)
    if os.geteuid() == 0:
        real_open = Path.open

        def refuse(self, *args, **kwargs):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refuse)
    return path


def png(tmp_path: Path) -> Path:
    return write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))(tmp_path)


def docx_like(tmp_path: Path) -> Path:
    path = tmp_path / "letter.txt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return path


def scan(tmp_path: Path) -> Path:
    """A PDF whose page is a picture: no text layer."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 400, 600, fill=1)
    c.showPage()
    c.save()
    return path


def article(kind: str):
    """A maker of the test article as a web page, DOCX or PDF (named .txt: the content decides)."""
    from readers.article import docx_file, pdf_file, web_page

    make = {"html": lambda: web_page().encode("utf-8"), "docx": docx_file, "pdf": pdf_file}[kind]
    return lambda tmp_path: write("article.txt", make())(tmp_path)


def read_article(brief: dict, said: list[str]) -> None:
    """Expect the article's two quotes, every item's offsets pointing at its text, and no warning."""
    assert not said
    text = brief["source"]["text"]
    assert [q["text"][:12] for q in brief["quotes"]] == ["Мы намерены ", "Мы рассчитыв"]
    items = [*brief["quotes"], *brief["figures"], *brief["commitments"]]
    assert not mismatches(text, [SimpleNamespace(**i) for i in items])


def big(tmp_path: Path) -> Path:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(20 * 2**20)
    return path


def figures_wrong(tmp_path: Path) -> Path:
    data = _brief()
    data["figures"][3]["value"] = "сорок"
    return write("wrong.json", json.dumps(data, ensure_ascii=False))(tmp_path)


def brief_with(change, figures: int = 4):
    """A maker of a brief file: the small brief with `change` applied to its first figure, its figures repeated."""

    def make(tmp_path: Path) -> Path:
        data = _brief()
        data["figures"] = [data["figures"][i % 4] for i in range(figures)]
        change(data["figures"][0])
        return write("changed.json", json.dumps(data, ensure_ascii=False))(tmp_path)

    return make


def decoded(text: str, warning: str | None = None):
    """Expect success, the brief's text being `text`, every item's offsets pointing at its text, and `warning` given."""

    def check(brief: dict, said: list[str]) -> None:
        assert said == ([warning] if warning else [])
        assert brief["source"]["text"] == text
        items = [*brief["quotes"], *brief["figures"], *brief["commitments"]]
        assert not mismatches(text, [SimpleNamespace(**i) for i in items])

    return check


# README row → (maker of the input, expected error message or a check of the extracted brief)
CASES = {
    "a path that does not exist": (lambda d: d / "nowhere.txt", "no such file"),
    "a directory": (lambda d: d, "is a directory, not a file"),
    "a file that cannot be read": (unreadable, "cannot read: permission denied"),
    "an empty file": (write("empty.txt", b""), "empty: the file has no text"),
    "a file of only white space": (write("blank.txt", " \n\t\r\n  \n"), "empty: the file has no text"),
    "a PNG image": (png, "binary file (a PNG image), not text"),
    "a web page (HTML)": (article("html"), read_article),
    "a DOCX document": (article("docx"), read_article),
    "a PDF document": (article("pdf"), read_article),
    "a web page with no article": (write("empty.html", "<!DOCTYPE html><html><body><script>go()</script></body></html>"),
                                   "a web page with no article text"),
    "a PDF without a text layer (a scan)": (scan, "a PDF with no text layer (a scan?): run OCR on it first"),
    "a PDF that does not parse": (write("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "not a readable PDF: "),
    "a DOCX that does not open": (docx_like, "not a readable DOCX: "),
    "a ZIP archive": (write("archive.txt", b"PK\x03\x04" + bytes(40)), "binary file (a ZIP archive), not text"),
    "Windows-1251 text": (write("cp1251.txt", TEXT.encode("cp1251")), decoded(TEXT)),
    "KOI8-R text": (write("koi8.txt", PLAIN.encode("koi8_r")), decoded(PLAIN)),
    "UTF-16 with BOM": (write("utf16.txt", TEXT.encode("utf-16")), decoded(TEXT)),
    "UTF-8 with BOM": (write("bom.txt", TEXT.encode("utf-8-sig")), decoded(TEXT)),
    "a 20 MB text": (big, "too large: 20.0 MB (the limit is 8 MB)"),
    "a 1 MB single line": (write("line.txt", LINE), decoded(LINE)),
    "more than 250 000 words and marks": (write("long.txt", "да, " * 130_000), "too long to extract: 260\u202f000 words"),
    "a malformed date marker": (write("d1.txt", "date 15.11.2025\n" + TEXT[16:]), "malformed date marker '15.11.2025'"),
    "a date that does not exist": (write("d2.txt", "date 2025-02-30\n" + TEXT[16:]), "date marker '2025-02-30' is not a real date"),
    "a date marker in other digits": (write("d3.txt", "date ٢٠٢٥-١١-١٥\n" + TEXT[16:]), "malformed date marker '٢٠٢٥-١١-١٥'"),
    "UTF-8 with a few stray bytes": (
        write("stray.txt", TEXT.encode().replace("с ".encode(), "с ".encode() + b"\xff")),
        decoded(TEXT.replace("с ", "с \ufffd"), "1 stray byte sequence(s) that are not UTF-8 replaced by U+FFFD"),
    ),
    "a brief JSON that does not parse": (write("broken.json", '{"schema_version": 1,'), "not valid JSON: Expecting"),
    "a brief YAML that does not parse": (write("broken.yaml", "schema_version: 1\nsource: [text\n"), "not valid YAML: "),
    "a brief of another schema version": (write("v3.json", json.dumps({**_brief(), "schema_version": 3})), "schema_version: expected 1 or 2, got 3"),
    "a brief with a value of the wrong type": (figures_wrong, "figures[3].value: expected number"),
    "a brief with NaN, Infinity or 1e400": (brief_with(lambda f: f.update(value=float("nan"))), "figures[0].value: expected a finite number between -1e18 and 1e18, got nan"),
    "a brief with more than 1 000 figures (or quotes, …)": (brief_with(lambda f: None, figures=1001), "figures: 1001 items (the limit is 1000): split the text"),
    "a brief with a text of more than 20 000 characters": (brief_with(lambda f: f.update(text="ы" * 20_001)), "figures[0].text: 20001 characters (the limit is 20000)"),
    "a brief with offsets outside its text": (brief_with(lambda f: f.update(start=f["end"] + 1)), "figures[0].start: offsets 24..23 do not point into the source text (0..68)"),
}


def test_every_readme_row_has_a_case():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What briefgen does with bad input")[1].split("\n## ")[0]
    rows = [line.split("|")[1].strip() for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[0] == "Input"
    assert rows[1:] == list(CASES)


def _writers_missing() -> list[str]:
    return [name for name, f in FORMATS.items() if importlib.util.find_spec(f.module) is None]


SLOW = {"a 1 MB single line"}  # about 10 s per command: `make test-fast` skips it


@pytest.mark.parametrize("command", ["extract", "render", "build"])
@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.slow) if c in SLOW else c for c in CASES])
def test_bad_input(case, command, runner, tmp_path, monkeypatch):
    make, expected = CASES[case]
    path = make(tmp_path, monkeypatch) if make is unreadable else make(tmp_path)
    out = tmp_path / "out"
    if command == "build" and callable(expected) and _writers_missing():
        pytest.skip(f"writers not there yet: {', '.join(_writers_missing())}")
    args = {
        "extract": ["extract", str(path), "-o", str(out / "brief.json")],
        "render": ["render", str(path), "--format", "json", "-o", str(out)],
        "build": ["build", str(path), "-o", str(out)],
    }[command]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SourceWarning)  # a warning about the source is part of the outcome
        result = runner.invoke(main, args)
    said = [str(w.message) for w in caught if w.category is SourceWarning]
    assert "Traceback" not in result.output
    if isinstance(expected, str):
        assert result.exit_code == 1
        [line] = result.stderr.splitlines()
        assert line.startswith(f"briefgen: error: {path}: ") and expected in line
        assert not out.exists() or not any(p for p in out.rglob("*") if p.is_file())
    else:
        assert result.exit_code == 0, result.output
        written = out / "brief.json" if command == "extract" else next(out.glob("*/brief.json"))
        expected(json.loads(written.read_text(encoding="utf-8")), said)


def _complete(path: Path) -> None:
    """Fail unless a written file is whole: it parses as what its name says."""
    data = path.read_bytes()
    if path.suffix == ".json":
        json.loads(data)
    elif path.suffix == ".docx":
        assert zipfile.ZipFile(path).testzip() is None
        pytest.importorskip("docx").Document(str(path))
    elif path.suffix == ".pdf":
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
        pytest.importorskip("pypdf").PdfReader(str(path))
    else:
        raise AssertionError(f"unexpected file {path}")


def _check_packs(out: Path, files: set[str]) -> list[str]:
    """The names of the packs in `out`, each checked to be complete; temporaries of a killed run are skipped."""
    packs = []
    for entry in sorted(out.iterdir()):
        if entry.name.startswith("."):
            assert re.fullmatch(r"\.[^/]+\.briefgen-(tmp|old)-\d+-\w{8}", entry.name), entry.name
            continue
        assert {p.name for p in entry.iterdir()} == files | {".briefgen-stamp.json", "manifest.json"}, entry
        for p in entry.iterdir():
            _complete(p)
        packs.append(entry.name)
    return packs


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_killed_midway_leaves_every_pack_complete_or_absent(jobs, tmp_path, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    inputs = []
    for i in range(20):
        inputs.append(tmp_path / "in" / f"report_{i:02d}.txt")
        inputs[-1].parent.mkdir(exist_ok=True)
        inputs[-1].write_text(text.replace("2025", str(2000 + i)), encoding="utf-8")
    missing = _writers_missing()
    formats = ["json"] if missing else list(FORMATS)
    command = ["render", "--format", "json"] if missing else ["build"]
    out = tmp_path / "out"
    args = [sys.executable, "-m", "briefgen", *command, *map(str, inputs), "-o", str(out), "-j", jobs, "-q"]

    run = subprocess.Popen(args, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while run.poll() is None and not (out.is_dir() and any(not p.name.startswith(".") for p in out.iterdir())):
        time.sleep(0.005)
    os.killpg(run.pid, signal.SIGKILL)  # the whole batch: the parent and its workers
    run.wait()
    assert run.returncode == -signal.SIGKILL, "the batch ended before it could be killed"
    files = {FORMATS[f].filename for f in formats}
    assert 1 <= len(_check_packs(out, files)) < len(inputs)

    rerun = subprocess.run(args, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert _check_packs(out, files) == [p.stem for p in inputs]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
