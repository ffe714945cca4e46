"""Stages: each reads only what its row says it needs, and what it needs is found before it runs."""
from __future__ import annotations

from typing import Any, cast

import pytest

from briefgen.document import analyse
from briefgen.extract import STAGES, Context
from briefgen.model import Source

GIVEN = ("doc", "source")


def test_every_need_is_filled_by_an_earlier_stage():
    filled: set[str] = set(GIVEN)
    for stage in STAGES:
        assert set(stage.needs) <= filled, stage.fills
        filled.add(stage.fills)


class Recorder:
    """A Context that notes which of its fields are read."""

    def __init__(self, ctx: Context) -> None:
        object.__setattr__(self, "ctx", ctx)
        object.__setattr__(self, "read", set())

    def __getattr__(self, name: str) -> Any:
        self.read.add(name)
        return getattr(self.ctx, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.ctx, name, value)


@pytest.mark.parametrize(
    "text",
    [
        "Министр торговли Олег Смирнов провел переговоры в Ташкенте.\n\n"
        "«Мы построим завод до 2027 года», — сказал Олег Смирнов. Товарооборот вырос до 500 млн долларов.\n\n"
        "Стороны договорились создать совместную комиссию по торговле.",
        "Trade minister John Doe held talks in Tashkent.\n\n"
        "\"We will build a plant by 2027,\" John Doe said. Trade rose to $500 million.\n\n"
        "The sides agreed to set up a joint trade commission.",
    ],
)
def test_each_stage_reads_only_what_it_needs(text):
    ctx = Context(source=Source(text=text), doc=analyse(text))
    for stage in STAGES:
        recorder = Recorder(ctx)
        setattr(ctx, stage.fills, stage.find(cast(Context, recorder)))
        assert recorder.read <= set(stage.needs), stage.fills
