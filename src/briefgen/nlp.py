"""Load the segmenter and the NER model once per process and hand them out.

Importing this module is cheap; each model is built on first use and cached,
so `briefgen --help` never pays for the models and a batch worker pays once.
natasha's NER model comes through `model_cache`, which keeps it in the user
cache in a form that loads without unpacking.
Morphology is each language's own (`briefgen.lang`), for extraction and digest
alike; natasha's pymorphy2-based vocabulary is never built, so `pkg_resources`
is never needed.
"""
from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple, cast

# The models multiply small matrices: BLAS threads only fight over the cores (with each other, and with
# the workers of --jobs). Set before numpy loads, which is when the NER model is first loaded (below).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

NER_PIECE = 10_000  # characters tagged at once: the tagger's memory grows with its input
_BLANK = re.compile(r"\s+")


@functools.cache
def segmenter() -> Any:
    """razdel, the rule-based segmenter natasha uses, for tokens and sentences."""
    import razdel

    return razdel


@functools.cache
def ner_tagger() -> Any:
    """slovnet's NER tagger with natasha's news model (PER, ORG, LOC), loaded through the user cache."""
    from .model_cache import ner_tagger

    return ner_tagger()


def entities(text: str, tokens: Sequence[tuple[int, int, str]] | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, type) of every named entity, tagging the text piece by piece in bounded memory.

    slovnet tags its whole input at once (about 9 KB per token), so a long text
    is cut at line breaks (else at white space) into pieces of at most
    NER_PIECE characters; a text shorter than that is tagged in one piece.
    `tokens` (start, end, text) are the text's razdel tokens when the caller has them
    already: slovnet would otherwise cut the text into the same tokens again.
    """
    from slovnet.bio import bio_spans

    infer = ner_tagger().infer
    if tokens is None:
        tokens = [(t.start, t.stop, t.text) for t in segmenter().tokenize(text)]
    at = 0
    for offset, piece in _pieces(text, NER_PIECE):
        first, end = at, offset + len(piece)
        while at < len(tokens) and tokens[at][0] < end:
            at += 1
        words = [_Token(*t) for t in tokens[first:at]]
        if words:
            tags = next(infer.decoder(infer.process(infer.encoder([[w.text for w in words]]))))
            for span in cast("Iterator[Any]", bio_spans(words, tags)):  # slovnet's Span: start, stop, type
                yield span.start, span.stop, span.type


class _Token(NamedTuple):
    """A token as slovnet's BIO decoder reads it."""

    start: int
    stop: int
    text: str


def _pieces(text: str, limit: int) -> Iterator[tuple[int, str]]:
    start = 0
    while start < len(text):
        end = start + limit
        if end < len(text):
            cut = text.rfind("\n", start, end) + 1
            if cut <= start:
                blanks = [m.end() for m in _BLANK.finditer(text, start, end)]
                cut = blanks[-1] if blanks else end
            end = cut
        yield start, text[start:end]
        start = end


def warm_up() -> None:
    """Load every model and word list now, so the first document costs no more than the next.

    A batch worker's initialiser calls this; so does a process about to extract.
    """
    from . import lang
    from .grammars.words import words

    segmenter()
    ner_tagger()
    for language in lang.languages():
        language.morphology.warm_up()
    words("ru")
