"""The review's checks themselves: what counts as the body, a repeat, and a point its paragraph does not back."""
from __future__ import annotations

from briefgen.digest.model import KeyPoint
from briefgen.digest.source import SourceText
from briefgen.render.audit import bare_title, check_points, dangling_refs, long_labels, repeated_runs, words
from briefgen.render.markup import parse

SOURCE = "Министры договорились открыть новый пункт пропуска на границе до конца года.\nТоварооборот вырос до 5 млрд долларов.\n"
SAID = "министры договорились открыть новый пункт пропуска на границе"


def test_the_body_ends_at_the_first_appendix_and_a_repeat_is_eight_source_words_in_two_places():
    tree = parse(f"<doc><h1>Главное</h1><ul><li>{SAID}</li></ul><p>{SAID} снова</p>"
                 f"<h1>Приложение 1. Все сведения</h1><p>{SAID}</p></doc>")
    assert repeated_runs(tree, SOURCE) == 1
    assert words(tree) == 1 + 8 + 9


def test_a_point_must_find_its_numbers_in_its_paragraph():
    src = SourceText(SOURCE)
    second = SOURCE.index("Товарооборот")
    good = KeyPoint("Товарооборот вырос до 5 млрд долларов.", second)
    wrong = KeyPoint("Товарооборот вырос до 7 млрд долларов.", second)
    assert check_points((good,), src).unsupported == 0 and check_points((wrong,), src).unsupported == 1


def test_fact_sheet_checks():
    sheet = parse('<doc><stats><stat value="5" label="Объем прямых иностранных инвестиций в регион"/></stats><p>См. [§3]</p></doc>')
    assert long_labels(sheet) == ["Объем прямых иностранных инвестиций в регион"] and dangling_refs(sheet) == 1
    assert bare_title("Справка") and bare_title("Brief.") and not bare_title("Справка о переговорах")
