"""Briefs for the writer tests: the seed's golden brief, and synthetic briefs built from generated text.

Synthetic briefs are made with valid offsets (every item's text is the source's
text at its offsets), so they pass the same checks as extracted ones.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from briefgen.model import AgendaArea, Brief, Commitment, Figure, Participant, Quote, Source, Span
from briefgen.serialize import load_brief

GOLDEN = Path(__file__).resolve().parents[1] / "golden"

# Words to build text from: Kazakh (with every Kazakh-specific letter) and Uzbek Latin with ʻ (U+02BB).
KAZAKH = {
    "actor": ["Әлихан Қасымов", "Ғалым Өтепов", "Ұлан Үсенов", "Һадия Ілиясова"],
    "role": "министр",
    "verb": "ұсынды",
    "thing": ["Қазақстан мен Oʻzbekiston арасындағы жол", "Ғылыми орталық", "Өнеркәсіп аймағы", "Ұлттық gʻalla қоймасы"],
    "area": ["Сауда", "Көлік", "Энергетика", "Ғылым"],
    "say": "деді",
    "quote": "біздің ортақ ісіміз",
    "money": "{n},5 млрд долл.",
    "date": "date 2025-03-15\n",
}
ENGLISH = {
    "actor": ["Alan Carter", "Beth Doyle", "Carl Evans", "Dana Frost"],
    "role": "minister",
    "verb": "proposed",
    "thing": ["a road between the two capitals", "a joint research centre", "an industrial zone", "a grain store"],
    "area": ["Trade", "Transport", "Energy", "Science"],
    "say": "said",
    "quote": "our common cause",
    "money": "USD {n}.5 bn",
    "date": "date 2025-03-15\n",
}


class _Text:
    """Grows a text and hands out spans of what was added."""

    def __init__(self, start: str) -> None:
        self.parts = [start]
        self.length = len(start)

    def add(self, text: str) -> Span:
        span = Span(self.length, self.length + len(text), text)
        self.parts.append(text)
        self.length += len(text)
        return span

    def text(self) -> str:
        return "".join(self.parts)


def synthetic_brief(words: dict, commitments: int, figures: int, quotes: int, language: str = "kk") -> Brief:
    """A brief over generated text with the given numbers of commitments, figures and quotes."""
    t = _Text(words["date"])
    people = [Participant(name, words["role"], ()) for name in words["actor"]]
    evidence: dict[int, list[Span]] = {i: [] for i in range(len(words["area"]))}
    coms, figs, qs = [], [], []
    kinds = ["proposal", "agreement", "intention", "invitation", "instruction", "creation"]
    for i in range(max(commitments, figures, quotes)):
        area = i % len(words["area"])
        actor = words["actor"][i % len(words["actor"])]
        if i < commitments:
            s = t.add(f"{actor} {words['verb']}: {words['thing'][i % 4]} № {i + 1}.")
            coms.append(Commitment(s.start, s.end, s.text, kinds[i % len(kinds)], actor, None, f"{2026 + i % 5}", f"a{area}"))
            evidence[area].append(s)
            t.add(" ")
        if i < figures:
            t.add(f"{words['thing'][(i + 1) % 4]}: ")
            money = i % 2 == 0
            f = t.add(words["money"].format(n=i + 1) if money else f"{10 + i} %")
            value = (i + 1.5) * 1e9 if money else float(10 + i)
            figs.append(Figure(f.start, f.end, f.text, "money" if money else "percent", value, "USD" if money else None,
                               measure=f"{words['thing'][(i + 1) % 4]}", status="target" if i % 3 == 0 else "actual",
                               year=2030 if i % 3 == 0 else None, area=f"a{area}"))  # fmt: skip
            t.add(". ")
        if i < quotes:
            t.add("«")
            q = t.add(f"{words['thing'][(i + 2) % 4]} — {words['quote']} {i + 1}")
            t.add(f"», — {words['say']} {actor}.")
            qs.append(Quote(q.start, q.end, q.text, actor, words["role"], None, "explicit"))
        t.add("\n\n")
    text = t.text()
    areas = tuple(
        AgendaArea(f"a{i}", label, tuple(evidence[i][:3]), True) for i, label in enumerate(words["area"]) if evidence[i]
    )
    people = [Participant(p.name, p.role, (Span(text.index(p.name), text.index(p.name) + len(p.name), p.name),)) for p in people]
    source = Source(text=text, name="synthetic.txt", date="2025-03-15", language=language, publisher="Test Agency",
                    title=f"{words['thing'][0]}")  # fmt: skip
    return Brief(source, tuple(people), areas, tuple(coms), tuple(figs), tuple(qs), event=f"{words['thing'][1]} — 2025")


@pytest.fixture(scope="session")
def golden_brief() -> Brief:
    """The seed's brief as committed (corrected by hand, so extraction changes do not move the goldens)."""
    return load_brief((GOLDEN / "seed.brief.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def large_brief() -> Brief:
    """40 commitments, 40 figures and 20 quotes in Kazakh text with Uzbek ʻ letters."""
    return synthetic_brief(KAZAKH, 40, 40, 20)


@pytest.fixture(scope="module", params=["golden", "large"])
def each_brief(request, golden_brief, large_brief) -> Brief:
    """The seed's brief, then the large synthetic one: the writer tests run on both."""
    return golden_brief if request.param == "golden" else large_brief


@pytest.fixture(scope="session")
def english_brief() -> Brief:
    """A brief whose own text has no Cyrillic, so any Cyrillic in an English rendering is a label."""
    return synthetic_brief(ENGLISH, 6, 6, 3, language="en")


@pytest.fixture(scope="session")
def unit_theme(tmp_path_factory) -> Path:
    """A theme naming the preparing unit."""
    path = tmp_path_factory.mktemp("theme") / "unit.yaml"
    path.write_text("organisation: Отдел Центральной Азии\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def docx_part():
    """Read one XML part of a DOCX package as text."""

    def read(data: bytes, name: str = "word/document.xml") -> str:
        return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")

    return read


@pytest.fixture(scope="session")
def pdf_reader():
    """Open PDF bytes with pypdf."""
    from pypdf import PdfReader

    return lambda data: PdfReader(io.BytesIO(data))


@pytest.fixture
def font_tags(pdf_reader):
    """The subset tags ("ABCDEF" of "ABCDEF+PTSans-Bold") of every font a PDF's pages use, one per font."""

    def tags(data: bytes) -> list[str]:
        fonts = {str(f.get_object()["/BaseFont"]).lstrip("/") for page in pdf_reader(data).pages
                 for f in page["/Resources"]["/Font"].values()}  # fmt: skip
        return [f.split("+")[0] for f in fonts]

    return tags

