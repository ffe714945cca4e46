"""Turn sentences that carry a commitment cue into Commitments.

The cue vocabulary is `data/commitments.yaml` (lemmas → kind); a sentence is a
commitment when one of its words has a cue lemma.
"""
from __future__ import annotations

import re

from .. import data, nlp
from ..model import Commitment, Span

_WORD = re.compile(r"\w+(?:-\w+)*")


def find(ctx) -> list[Commitment]:
    """One commitment per sentence that contains a cue word."""
    cues = data.load("commitments")["cues"].get(ctx.source.language, {})
    out = []
    for sent in ctx.doc.sentences:
        for m in _WORD.finditer(sent.text):
            kind = cues.get(nlp.lemma(m.group().lower()))
            if kind:
                start = sent.start + m.start()
                out.append(
                    Commitment(
                        sent.start,
                        sent.end,
                        sent.text,
                        kind=kind,
                        action=sent.text[m.start() :],
                        cue=Span(start, start + len(m.group()), m.group()),
                    )
                )
                break
    return out
