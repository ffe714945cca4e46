"""The stamp: what changes the configuration key, and what a missing or damaged stamp means."""
from __future__ import annotations

from dataclasses import replace

from briefgen.pack.stamp import STAMP_NAME, Stamp, config_key, read_stamp, stamp_bytes
from briefgen.render import RenderOptions


def test_config_key_follows_options_and_the_contents_of_theme_and_templates(tmp_path):
    theme = tmp_path / "theme.yaml"
    theme.write_text("accent: navy\n")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.j2").write_text("{{ brief.event }}")
    options = RenderOptions(theme=theme, template_dir=templates)
    key = config_key(options)
    assert config_key(RenderOptions(theme=theme, template_dir=templates)) == key
    assert config_key(replace(options, lang="en")) != key
    assert config_key(replace(options, marking="ДСП")) != key
    theme.write_text("accent: teal\n")
    assert config_key(options) != key
    theme.write_text("accent: navy\n")
    (templates / "brief.j2").write_text("{{ brief.event|upper }}")
    assert config_key(options) != key
    (templates / "brief.j2").write_text("{{ brief.event }}")
    assert config_key(options) == key


def test_stamp_round_trips_and_a_damaged_one_reads_as_none(tmp_path):
    stamp = Stamp("/in/visit.txt", "a" * 64, "b" * 64, {"json": "k1", "pdf": "k2"})
    (tmp_path / STAMP_NAME).write_bytes(stamp_bytes(stamp))
    assert read_stamp(tmp_path) == stamp
    (tmp_path / STAMP_NAME).write_text('{"input": 1')
    assert read_stamp(tmp_path) is None
    (tmp_path / STAMP_NAME).write_text('{"unknown": 1}')
    assert read_stamp(tmp_path) is None
    assert read_stamp(tmp_path / "absent") is None
