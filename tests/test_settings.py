"""Team defaults: the file that applies, and command line over environment over file over briefgen's own."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefgen.cli import main
from briefgen.errors import ConfigError
from briefgen.settings import config_file, defaults, user_config_file

TEXT = "date 2025-03-04\nМинистр иностранных дел провёл переговоры в Астане.\n"


def write(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_file_that_applies(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert config_file(None) is None
    mine = write(user_config_file(), {"defaults": {"lang": "en"}})
    assert config_file(None) == mine
    write(tmp_path / "briefgen.yaml", {})
    assert config_file(None) == Path("briefgen.yaml")
    assert config_file(tmp_path / "team.yaml") == tmp_path / "team.yaml"


@pytest.mark.parametrize(
    "file, environ, expected",
    [
        ({}, {}, {}),
        ({"lang": "en", "marking": "ДСП"}, {}, {"lang": "en", "marking": "ДСП"}),
        ({"lang": "en"}, {"BRIEFGEN_LANG": "ru"}, {"lang": "ru"}),
        ({"paper": "A4"}, {"BRIEFGEN_PAPER": "Letter", "BRIEFGEN_ORGANISATION": "Отдел"},
         {"paper": "Letter", "organisation": "Отдел"}),
        ({"lang": "en"}, {"BRIEFGEN_LANG": ""}, {"lang": "en"}),  # an empty variable sets nothing
    ],
)
def test_environment_over_file(tmp_path, file, environ, expected):
    config = write(tmp_path / "team.yaml", {"defaults": file})
    assert defaults(config, environ) == expected


def test_paths_in_the_file_are_relative_to_it_and_in_the_environment_to_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = write(tmp_path / "desk" / "team.yaml", {"defaults": {"theme": "look.yaml", "output": "/srv/briefs"}})
    assert defaults(config, {}) == {"theme": tmp_path / "desk" / "look.yaml", "output": Path("/srv/briefs")}
    assert defaults(config, {"BRIEFGEN_TEMPLATE_DIR": "tpl"})["template_dir"] == Path("tpl")


@pytest.mark.parametrize(
    "section, environ, message",
    [
        ({"colour": "red"}, {}, "team.yaml: defaults.colour: unknown option"),
        ({"paper": "A5"}, {}, "team.yaml: defaults.paper: expected one of A4, Letter, got 'A5'"),
        ({"marking": "a\nb"}, {}, "team.yaml: defaults.marking: expected one line of text"),
        ({"theme": 3}, {}, "team.yaml: defaults.theme: expected a path"),
        ({}, {"BRIEFGEN_LANG": "de"}, "$BRIEFGEN_LANG: expected one of ru, en, got 'de'"),
    ],
)
def test_bad_defaults_are_named(tmp_path, section, environ, message):
    config = write(tmp_path / "team.yaml", {"defaults": section})
    with pytest.raises(ConfigError) as e:
        defaults(config, environ)
    assert message in str(e.value)


@pytest.fixture
def chosen(monkeypatch):
    """The output directory and RenderOptions each `render` asked for (nothing is built)."""
    from briefgen.pack import batch, build

    seen = []

    def record(job, path, name):
        seen.append((job.out_root, job.options))
        return batch.Outcome(path)

    monkeypatch.setattr(build, "build_pack", record)
    return seen


def test_cli_takes_the_working_directorys_file_then_environment_then_command_line(runner, tmp_path, monkeypatch, chosen):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    write(tmp_path / "briefgen.yaml", {"defaults": {"lang": "en", "marking": "ДСП", "organisation": "Отдел Азии",
                                                     "paper": "Letter", "output": "packs"}})
    render = ["render", "a.txt", "--format", "json"]
    assert runner.invoke(main, render).exit_code == 0
    monkeypatch.setenv("BRIEFGEN_MARKING", "Секретно")
    assert runner.invoke(main, render).exit_code == 0
    assert runner.invoke(main, [*render, "--marking", "Открыто", "-o", "elsewhere", "--lang", "ru"]).exit_code == 0
    (out1, o1), (out2, o2), (out3, o3) = chosen
    assert (out1, o1.lang, o1.marking, o1.organisation, o1.paper) == (Path("packs"), "en", "ДСП", "Отдел Азии", "Letter")
    assert (out2, o2.marking) == (Path("packs"), "Секретно")
    assert (out3, o3.lang, o3.marking, o3.paper) == (Path("elsewhere"), "ru", "Открыто", "Letter")


def test_cli_without_any_file_keeps_briefgens_own_defaults(runner, tmp_path, monkeypatch, chosen):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert runner.invoke(main, ["build", "a.txt"]).exit_code == 0
    [(out, options)] = chosen
    # no language chosen anywhere: each pack takes its source's language (see the digest)
    assert (out, options.lang, options.marking, options.theme, options.organisation) == (Path("outputs"), None, None, None, None)


def test_cli_reads_the_users_file_and_a_given_one_first(runner, tmp_path, monkeypatch, chosen):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    write(user_config_file(), {"defaults": {"lang": "en"}})
    team = write(tmp_path / "team" / "briefgen.yaml", {"defaults": {"theme": "look.yaml"}})
    assert runner.invoke(main, ["render", "a.txt", "--format", "json"]).exit_code == 0
    assert runner.invoke(main, ["render", "a.txt", "--format", "json", "--config", str(team)]).exit_code == 0
    (_, mine), (_, given) = chosen
    assert (mine.lang, given.lang, given.theme) == ("en", None, tmp_path / "team" / "look.yaml")


def test_a_bad_defaults_file_is_one_line_and_exit_1(runner, tmp_path):
    bad = write(tmp_path / "team.yaml", {"defaults": {"paper": "A5"}})
    result = runner.invoke(main, ["build", str(tmp_path / "a.txt"), "--config", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"briefgen: error: {bad}: defaults.paper: expected one of A4, Letter, got 'A5'"]


def test_lists_kept_in_a_private_file_named_by_the_shared_one(runner, tmp_path, seed_path):
    reader = {"name": "Ирина Петрова", "address": "i.petrova@example.org"}
    write(tmp_path / "private" / "lists.yaml", {"lists": {"desk": [reader]}})
    shared = write(tmp_path / "briefgen.yaml", {
        "defaults": {"output": "packs"},
        "smtp": {"host": "127.0.0.1", "sender": "desk@example.org"},
        "lists": "private/lists.yaml",
    })
    out = tmp_path / "packs"
    built = runner.invoke(main, ["render", str(seed_path), "--format", "all", "--config", str(shared)])
    assert built.exit_code == 0, built.output
    [pack] = out.iterdir()
    sent = runner.invoke(main, ["send", str(pack), "--to", "desk", "--dry-run", "--config", str(shared)])
    assert sent.exit_code == 0, sent.output
    assert [p.name for p in (pack / "outbox").iterdir()] == ["i.petrova@example.org.eml"]
