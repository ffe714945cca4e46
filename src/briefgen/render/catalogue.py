"""Name the label languages: one catalogue file per language (`templates/labels/<lang>.yaml`), for documents and e-mail.

A catalogue holds every word a reader sees: the documents' labels, date and
number formats, and the e-mail's words under `email:`. A language is offered
(`--lang`, a recipient's `language`) when its file is shipped; the files are
read by `compose.load_labels`.
"""
from __future__ import annotations

from .paths import TEMPLATES_DIR

CATALOGUES = TEMPLATES_DIR / "labels"
DEFAULT_LANGUAGE = "ru"  # for a source in a language without a catalogue


def languages() -> tuple[str, ...]:
    """The label languages there is a catalogue for, the default first ('ru', 'en'): the one list choices come from."""
    present = {p.stem for p in CATALOGUES.glob("*.yaml")}
    return tuple(sorted(present, key=lambda lang: (lang != DEFAULT_LANGUAGE, lang)))
