"""Captions, credits, site furniture and courtesies: told from the facts of a meeting."""
from __future__ import annotations

import pytest

from briefgen.digest.captions import caption, courtesy, furniture


@pytest.mark.parametrize(
    "line, lang, expected",
    [
        ("Фото: Иван Петров / агентство", "ru", True),
        ("Министры на переговорах. Фото: пресс-служба", "ru", True),
        ("На снимке министры в Ташкенте", "ru", True),
        ("© агентство новостей", "ru", True),
        ("This photo, provided by the ministry, shows the two ministers shaking hands. (Yonhap)", "en", True),
        ("Photo: ministry handout", "en", True),
        ("Министры обсудили фотовыставку в Ташкенте.", "ru", False),
        ("Photographers waited outside as the ministers met.", "en", False),
        ("The ministers agreed to meet again in May.", "en", False),
    ],
)
def test_caption(line, lang, expected):
    assert caption(line, lang) is expected


@pytest.mark.parametrize(
    "line, lang, expected",
    [
        ("Войти в почту", "ru", True),
        ("Меню", "ru", True),
        ("Forwarded from a channel", "en", True),
        ("Updated: 25 May, 14:21", "en", True),
        ("Министры обсудили поставки газа", "ru", False),
        ("Ministers agree on gas supplies", "en", False),
    ],
)
def test_furniture(line, lang, expected):
    assert furniture(line, lang) is expected


@pytest.mark.parametrize(
    "sentence, lang, expected",
    [
        ("Министр поблагодарил коллегу за гостеприимство.", "ru", True),
        ("Министр выразил благодарность хозяевам встречи.", "ru", True),
        ("The minister thanked his host for the warm welcome.", "en", True),
        ("Министры провели переговоры в Ташкенте.", "ru", False),
        ("The ministers signed three agreements.", "en", False),
    ],
)
def test_courtesy(sentence, lang, expected):
    assert courtesy(sentence, lang) is expected
