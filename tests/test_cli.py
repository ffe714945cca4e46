"""The command line through click's CliRunner: exit codes, files written, errors as one line."""
from __future__ import annotations

import json

from briefgen import __version__
from briefgen.cli import main


def test_version_and_help(runner):
    assert runner.invoke(main, ["--version"]).output.strip().endswith(__version__)
    for cmd in ([], ["extract"], ["render"], ["build"], ["schema"]):
        result = runner.invoke(main, [*cmd, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_extract_prints_json_with_offsets(runner, seed_path):
    result = runner.invoke(main, ["extract", str(seed_path)])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    text = brief["source"]["text"]
    assert brief["source"]["date"] == "2025-11-15"
    for item in brief["quotes"] + brief["figures"] + brief["commitments"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_extract_yaml_to_file(runner, seed_path, tmp_path):
    out = tmp_path / "b.yaml"
    result = runner.invoke(main, ["extract", str(seed_path), "--format", "yaml", "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("schema_version: 1")


def test_bad_input_is_one_line_and_exit_1_and_others_still_run(runner, seed_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(main, ["extract", str(empty), str(seed_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if str(empty) in line]
    assert lines == [f"briefgen: error: {empty}: empty: the file has no text"]
    assert "Traceback" not in result.output
    assert (tmp_path / "out" / f"{seed_path.stem}.json").exists()


def test_usage_error_exits_2(runner):
    assert runner.invoke(main, ["render", "x.txt", "--format", "odt"]).exit_code == 2
    assert runner.invoke(main, ["extract"]).exit_code == 2


def test_schema_is_json(runner):
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "briefgen Brief"


def test_render_json_from_corrected_brief(runner, seed_path, tmp_path):
    result = runner.invoke(main, ["extract", str(seed_path)])
    brief = json.loads(result.stdout)
    brief["event"] = "Исправлено вручную"
    corrected = tmp_path / "corrected.json"
    corrected.write_text(json.dumps(brief, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(main, ["render", str(corrected), "--format", "json", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "out" / seed_path.stem / "brief.json").read_text(encoding="utf-8"))
    assert written["event"] == "Исправлено вручную"


def test_brief_with_wrong_type_names_the_field(runner, seed_path, tmp_path):
    brief = json.loads(runner.invoke(main, ["extract", str(seed_path)]).stdout)
    brief["figures"][0]["value"] = "many"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(brief), encoding="utf-8")
    result = runner.invoke(main, ["render", str(bad), "--format", "json", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "figures[0].value: expected number" in result.stderr
