"""The brief's JSON/YAML form: exact round trip, schema, and errors that name the field."""
from __future__ import annotations

import json

import pytest

from briefgen.errors import BriefFormatError
from briefgen.model import (
    AgendaArea,
    Brief,
    Commitment,
    Figure,
    Participant,
    Quote,
    Source,
    Span,
)
from briefgen.serialize import brief_from_dict, brief_to_dict, dump_json, dump_yaml, json_schema, load_brief

TEXT = "date 2025-01-02 Иванов заявил: «Мы подпишем 3 соглашения на 10 млрд долларов»."


def sample() -> Brief:
    return Brief(
        source=Source(text=TEXT, name="x.txt", sha256="ab", date="2025-01-02", publisher=None),
        participants=(Participant("Иван Иванов", "министр", (Span(16, 22, "Иванов"),)),),
        agenda_areas=(AgendaArea("trade", "Торговля", (Span(16, len(TEXT), TEXT[16:]),)),),
        commitments=(Commitment(32, 75, TEXT[32:75], "intention", actor="Иван Иванов", deadline="2026"),),
        figures=(Figure(55, 72, TEXT[55:72], "money", value=1e10, unit="USD", qualifier=None),),
        quotes=(Quote(32, 75, TEXT[32:75], "Иван Иванов", attribution=Span(16, 29, TEXT[16:29]), resolution="explicit"),),
        event="Встреча",
    )


def test_json_round_trip_is_exact():
    brief = sample()
    assert load_brief(dump_json(brief)) == brief
    assert dump_json(load_brief(dump_json(brief))) == dump_json(brief)


def test_yaml_round_trip_is_exact():
    brief = sample()
    assert load_brief(dump_yaml(brief), "yaml") == brief


def test_json_starts_with_schema_version_and_has_scorer_fields():
    data = json.loads(dump_json(sample()))
    assert list(data)[0] == "schema_version"
    fig = data["figures"][0]
    assert {"start", "end", "kind", "value", "unit"} <= set(fig)
    assert data["quotes"][0]["speaker"] == "Иван Иванов"
    assert data["source"]["date"] == "2025-01-02"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["figures"][0].__setitem__("value", "ten"), "figures[0].value: expected number"),
        (lambda d: d["quotes"][0].__setitem__("start", 1.5), "quotes[0].start: expected integer"),
        (lambda d: d.__setitem__("schema_version", 99), "schema_version: expected 1 or 2, got 99"),
        (lambda d: d["source"].pop("text"), "source.text: missing"),
        (lambda d: d["participants"][0].__setitem__("nick", "x"), "participants[0].nick: unknown field"),
        (lambda d: d.__setitem__("figures", {}), "figures: expected list"),
    ],
)
def test_errors_name_the_field(mutate, message):
    data = brief_to_dict(sample())
    mutate(data)
    with pytest.raises(BriefFormatError, match=rf"^{__import__('re').escape(message)}$"):
        brief_from_dict(data)


def test_a_version_1_brief_loads_with_the_new_fields_empty():
    data = brief_to_dict(sample())
    data["schema_version"] = 1
    for item in data["participants"] + data["commitments"]:
        item.pop("party", None)
    data["source"].pop("url", None)
    brief = brief_from_dict(data)
    assert brief.schema_version == 2
    assert brief == sample()


def test_malformed_json_is_one_line():
    with pytest.raises(BriefFormatError) as e:
        load_brief('{"schema_version": 1,')
    assert "\n" not in str(e.value) and str(e.value).startswith("not valid JSON")


def test_schema_describes_every_field():
    schema = json_schema()
    figure = schema["$defs"]["Figure"]
    assert set(figure["properties"]) == set(brief_to_dict(sample())["figures"][0])
    assert figure["properties"]["value"] == {"anyOf": [{"type": "number"}, {"type": "null"}]}
    assert schema["$defs"]["Brief"]["properties"]["schema_version"] == {"const": 2}


@pytest.mark.parametrize(
    ("field", "literal", "shown"),
    [
        ("value", "NaN", "nan"),
        ("value", "Infinity", "inf"),
        ("value", "-Infinity", "-inf"),
        ("value", "1e400", "inf"),
        ("value", "1e308", "1e+308"),
        ("value", "1" + "0" * 400, "1" + "0" * 39),
        ("year", "1" + "0" * 30, "1" + "0" * 30),
    ],
)
def test_impossible_numbers_are_refused_with_the_field(field, literal, shown):
    data = brief_to_dict(sample())
    data["figures"][0][field] = "PLACEHOLDER"
    text = json.dumps(data, ensure_ascii=False).replace('"PLACEHOLDER"', literal)
    with pytest.raises(BriefFormatError) as e:
        load_brief(text)
    assert str(e.value) == f"figures[0].{field}: expected a finite number between -1e18 and 1e18, got {shown}"


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d["figures"][0].update(start=-1), "figures[0].start"),
        (lambda d: d["figures"][0].update(start=60, end=55), "figures[0].start"),
        (lambda d: d["quotes"][0].update(end=len(TEXT) + 1), "quotes[0].start"),
        (lambda d: d["quotes"][0]["attribution"].update(end=10**6), "quotes[0].attribution.start"),
        (lambda d: d["participants"][0]["mentions"][0].update(start=-5, end=-1), "participants[0].mentions[0].start"),
    ],
)
def test_offsets_outside_the_text_are_refused_with_the_field(mutate, path):
    data = brief_to_dict(sample())
    mutate(data)
    with pytest.raises(BriefFormatError, match=rf"^{__import__('re').escape(path)}: offsets .* do not point into the source text \(0\.\.{len(TEXT)}\)$"):
        brief_from_dict(data)


def test_a_brief_is_never_written_with_nan():
    brief = sample()
    bad = Brief(source=brief.source, figures=(Figure(55, 72, TEXT[55:72], "money", value=float("nan")),))
    with pytest.raises(ValueError):
        dump_json(bad)


def test_a_brief_beyond_the_size_limits_is_refused_with_the_field():
    data = brief_to_dict(sample())
    data["figures"] = data["figures"] * 1001
    with pytest.raises(BriefFormatError, match=r"^figures: 1001 items \(the limit is 1000\): split the text$"):
        brief_from_dict(data)
    data = brief_to_dict(sample())
    data["event"] = "Встреча " * 2501
    with pytest.raises(BriefFormatError, match=r"^event: 20008 characters \(the limit is 20000\)$"):
        brief_from_dict(data)
    data = brief_to_dict(sample())
    data["participants"][0]["mentions"] = data["participants"][0]["mentions"] * 1001  # evidence is not a row
    data["source"]["text"] = TEXT + " " * 30_000  # nor is the source a field to render in a cell
    assert len(brief_from_dict(data).participants[0].mentions) == 1001
