"""`-` reads standard input, `extract -o -` writes standard output, several briefs there are JSON Lines."""
from __future__ import annotations

import json

import yaml

from briefgen.cli import main

TEXT = "date 2025-03-04\nМинистр иностранных дел провёл переговоры в Астане.\n«Мы подпишем соглашение», — сказал он.\n"


def test_stdin_is_read_and_named_stdin(runner):
    result = runner.invoke(main, ["extract", "-"], input=TEXT.encode("utf-8"))
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert (brief["source"]["text"], brief["source"]["name"]) == (TEXT, "stdin")


def test_dash_output_is_standard_output_and_no_file(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["extract", "-", "-o", "-", "--format", "yaml"], input=TEXT.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.stdout)["source"]["text"] == TEXT
    assert not (tmp_path / "-").exists()


def test_several_briefs_to_standard_output_are_json_lines(runner, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text(TEXT.replace("Астане", "Бишкеке"), encoding="utf-8")
    result = runner.invoke(main, ["extract", str(a), "-", str(b), "-o", "-"], input=TEXT.encode("utf-8"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [json.loads(line)["source"]["name"] for line in lines] == ["a.txt", "stdin", "b.txt"]


def test_several_briefs_in_yaml_are_a_stream_of_documents(runner, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(a), "-", "--format", "yaml"], input=TEXT.encode("utf-8"))
    assert [d["source"]["name"] for d in yaml.safe_load_all(result.stdout)] == ["a.txt", "stdin"]


def test_build_from_stdin_makes_the_pack_of_its_name_and_reports_dash(runner, tmp_path):
    out = tmp_path / "out"
    args = ["render", "-", "--format", "json", "-o", str(out), "--name", "talks"]
    result = runner.invoke(main, args, input=TEXT.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"- -> {out}/talks/")
    assert json.loads((out / "talks" / "brief.json").read_text(encoding="utf-8"))["source"]["name"] == "talks"
    again = runner.invoke(main, args, input=TEXT.encode("utf-8"))
    assert again.stdout.startswith(f"-: up to date -> {out}/talks/")


def test_bad_standard_input_is_one_line(runner, tmp_path):
    result = runner.invoke(main, ["extract", "-"], input=b"")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["briefgen: error: -: empty: the file has no text"]


def test_a_name_that_is_a_path_and_a_pack_to_stdout_are_usage_errors(runner, tmp_path):
    bad_name = runner.invoke(main, ["extract", "-", "--name", "../up"], input=b"x")
    to_stdout = runner.invoke(main, ["build", str(tmp_path / "a.txt"), "-o", "-"])
    assert (bad_name.exit_code, to_stdout.exit_code) == (2, 2)
    assert "a name, not a path" in bad_name.stderr and "a pack is a directory" in to_stdout.stderr
