"""The command line through click's CliRunner: exit codes, files written, errors as one line."""
from __future__ import annotations

import json
import re

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
    assert out.read_text(encoding="utf-8").startswith("schema_version: 2")


def test_bad_input_is_one_line_and_exit_1_and_others_still_run(runner, seed_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(main, ["extract", str(empty), str(seed_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"briefgen: error: {empty}: empty: the file has no text",
        "briefgen: 1 built, 1 failed:",
        f"  {empty}: empty: the file has no text",
    ]
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


def test_a_correction_rendered_in_place_survives_a_rerun(runner, seed_path, tmp_path):
    out = tmp_path / "out"
    render = ["render", "--format", "json", "-o", str(out)]
    assert runner.invoke(main, [*render, str(seed_path)]).exit_code == 0
    pack_brief = out / seed_path.stem / "brief.json"
    brief = json.loads(pack_brief.read_text(encoding="utf-8"))
    brief["event"] = "Исправлено вручную"
    pack_brief.write_text(json.dumps(brief, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(main, [*render, str(pack_brief)])
    assert result.stdout == f"{pack_brief} -> {out / seed_path.stem}/ (brief.json)\n"
    result = runner.invoke(main, [*render, "-v", str(seed_path)])
    assert result.exit_code == 0 and ": up to date -> " in result.stdout
    assert json.loads(pack_brief.read_text(encoding="utf-8"))["event"] == "Исправлено вручную"
    assert [p.name for p in out.iterdir()] == [seed_path.stem]
    runner.invoke(main, [*render, "--force", str(seed_path)])
    assert json.loads(pack_brief.read_text(encoding="utf-8"))["event"] != "Исправлено вручную"


def test_quiet_verbose_and_force(runner, seed_path, tmp_path):
    args = ["render", str(seed_path), "--format", "json", "-o", str(tmp_path)]
    first = runner.invoke(main, [*args, "-q"])
    assert first.exit_code == 0 and first.output == ""
    again = runner.invoke(main, args)
    assert again.exit_code == 0 and again.output == f"{seed_path}: up to date -> {tmp_path / seed_path.stem}/\n"
    verbose = runner.invoke(main, [*args, "-v"])
    assert verbose.stdout.startswith(f"{seed_path}: up to date -> ")
    forced = runner.invoke(main, [*args, "-v", "--force"])
    assert re.fullmatch(rf"{re.escape(str(seed_path))}: built -> .* \(\d+\.\d\d s: brief \d+\.\d\d, json \d+\.\d\d\)\n", forced.stdout)


def test_jobs_give_the_same_outcomes_in_input_order(runner, seed_path, tmp_path):
    inputs = [tmp_path / f"{name}.txt" for name in ("b", "a", "bad", "c")]
    for path in inputs:
        path.write_text("" if path.stem == "bad" else seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    runs = {
        jobs: runner.invoke(main, ["render", *map(str, inputs), "--format", "json", "-o", str(tmp_path / f"j{jobs}"), "-j", jobs])
        for jobs in ("1", "2")
    }
    for result in runs.values():
        assert result.exit_code == 1
    one, two = (r.stdout.replace(f"j{jobs}", "J") for jobs, r in runs.items())
    assert one == two and [line.split()[0] for line in one.splitlines()] == [str(p) for p in inputs if p.stem != "bad"]
    assert runs["1"].stderr == runs["2"].stderr
    assert sorted(p.name for p in (tmp_path / "j2").iterdir()) == ["a", "b", "c"]


def test_unexpected_error_is_one_line_unless_debug(runner, seed_path, tmp_path, monkeypatch):
    def broken(brief, options):
        raise RuntimeError("the writer broke\non two lines")

    monkeypatch.setattr("briefgen.render.json_writer.write", broken)
    args = ["render", str(seed_path), "--format", "json", "-o", str(tmp_path)]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr == f"briefgen: error: {seed_path}: internal error: RuntimeError: the writer broke on two lines\n"
    debug = runner.invoke(main, ["--debug", *args])
    assert debug.exit_code == 1 and "Traceback" in debug.stderr and "the writer broke" in debug.stderr


def test_unusable_output_directory_is_one_line(runner, seed_path, tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("not a directory")
    result = runner.invoke(main, ["render", str(seed_path), "--format", "json", "-o", str(taken)])
    assert result.exit_code == 2 and "is a file" in result.stderr  # click's usage error
    result = runner.invoke(main, ["render", str(seed_path), "--format", "json", "-o", str(taken / "sub")])
    assert result.exit_code == 1
    assert result.stderr == f"briefgen: Not a directory: {taken / 'sub'}\n"


def test_brief_with_wrong_type_names_the_field(runner, seed_path, tmp_path):
    brief = json.loads(runner.invoke(main, ["extract", str(seed_path)]).stdout)
    brief["figures"][0]["value"] = "many"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(brief), encoding="utf-8")
    result = runner.invoke(main, ["render", str(bad), "--format", "json", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "figures[0].value: expected number" in result.stderr


def test_error_outside_any_input_is_one_line(runner, seed_path, tmp_path, monkeypatch):
    def refuse(directory):
        raise PermissionError(13, "Permission denied", str(directory))

    monkeypatch.setattr("briefgen.pack.build.clean_stale", refuse)
    result = runner.invoke(main, ["render", str(seed_path), "--format", "json", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"briefgen: Permission denied: {tmp_path}\n"


def test_extract_into_an_existing_directory_names_files_like_packs(runner, seed_path, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "visit.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert runner.invoke(main, ["extract", str(tmp_path / "a" / "visit.txt"), "-o", str(out)]).exit_code == 0
    assert [p.name for p in out.iterdir()] == ["visit.json"]
    both = runner.invoke(main, ["extract", str(tmp_path / "a" / "visit.txt"), str(tmp_path / "b" / "visit.txt"), "-o", str(out)])
    assert both.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["a_visit.json", "b_visit.json", "visit.json"]


def test_a_warning_is_one_line_naming_briefgen(tmp_path):
    """A glyph no bundled font has is a warning of one line, as errors are (a real process: no pytest filters)."""
    import subprocess
    import sys

    source = tmp_path / "glyph.txt"
    source.write_text("Встреча министров. Министр сказал: «Мы построим 𒀀 завод в 2026 году».\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "briefgen", "render", str(source), "--format", "pdf", "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines and all(line.startswith("briefgen: warning: ") for line in lines), lines
    assert any("no font has" in line for line in lines)


def test_ctrl_c_exits_130_with_one_line(runner, seed_path, tmp_path, monkeypatch):
    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("briefgen.pack.build.plan_packs", interrupted)
    result = runner.invoke(main, ["render", str(seed_path), "--format", "json", "-o", str(tmp_path)])
    assert result.exit_code == 130 and result.stderr == "briefgen: interrupted\n"


def test_the_command_freezes_its_objects_before_the_interpreter_ends():
    """The console script (`run`) leaves the run's objects to the OS, not to a last garbage collection."""
    import subprocess
    import sys

    from briefgen import __version__

    probe = ("import atexit, gc, sys\nfrom briefgen.cli import run\nsys.argv = ['briefgen', '--version']\n"
             "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\nrun()")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.splitlines() == [f"briefgen, version {__version__}", "frozen True"]
