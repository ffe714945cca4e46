"""The batch runner: outcomes per input in input order, errors contained, workers in a pool, the report."""
from __future__ import annotations

import concurrent.futures
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest

from briefgen.errors import SourceError
from briefgen.pack import batch
from briefgen.pack.batch import BUILT, CURRENT, FAILED, Outcome, Report, attempt, run


def job(path: Path, name: str) -> Outcome:
    """A job for the tests: the name says what to do."""
    if name.startswith("sleep"):
        time.sleep(float(name[5:]))
    if name == "bad":
        raise SourceError("empty: the file has no text")
    if name == "bug":
        raise KeyError("oops")
    if name == "die":
        os._exit(3)
    return Outcome(path, BUILT, note=f"-> {name}", timings={"brief": 0.5})


TASKS = [(Path("first.txt"), "sleep0.6"), (Path("second.txt"), "bad"), (Path("third.txt"), "sleep0"), (Path("fourth.txt"), "bug")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_outcomes_come_in_input_order_with_errors_contained(jobs):
    outcomes = list(run(job, TASKS, jobs=jobs, models=False))
    assert [o.input for o in outcomes] == [p for p, _ in TASKS]
    assert [o.status for o in outcomes] == [BUILT, FAILED, BUILT, FAILED]
    assert outcomes[1].error == "empty: the file has no text" and outcomes[1].detail is None
    assert outcomes[3].error == "internal error: KeyError: 'oops'" and "Traceback" in outcomes[3].detail
    assert all(o.timings["total"] >= 0 for o in outcomes)


def test_a_dying_worker_fails_its_input_and_the_run_ends():
    outcomes = list(run(job, [(Path("a.txt"), "die"), (Path("b.txt"), "sleep0")], jobs=2, models=False))
    assert outcomes[0].status == FAILED and outcomes[0].error.startswith("the worker process died")
    assert [o.input for o in outcomes] == [Path("a.txt"), Path("b.txt")]


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (SourceError("no such file"), "no such file"),
        (PermissionError(13, "Permission denied", "/out/x"), "Permission denied: /out/x"),
        (ValueError("two\nlines"), "internal error: ValueError: two lines"),
    ],
)
def test_attempt_gives_one_line(error, line):
    def failing(path, name):
        raise error

    assert attempt(failing, Path("x.txt"), "x").error == line


OUTCOMES = [
    Outcome(Path("a.txt"), BUILT, note="-> out/a/ (brief.json)", timings={"brief": 0.25, "json": 0.01, "total": 0.3}),
    Outcome(Path("b.txt"), CURRENT, note="-> out/b/", timings={"total": 0.0}),
    Outcome(Path("c.txt"), FAILED, error="empty: the file has no text", detail="Traceback (most recent call last): …"),
]


@pytest.mark.parametrize(
    ("flags", "stdout", "stderr"),
    [
        (
            {},
            "a.txt -> out/a/ (brief.json)\nb.txt: up to date -> out/b/\n",
            "briefgen: error: c.txt: empty: the file has no text\n"
            "briefgen: 1 built, 1 up to date, 1 failed:\n  c.txt: empty: the file has no text\n",
        ),
        (
            {"quiet": True},
            "",
            "briefgen: error: c.txt: empty: the file has no text\n"
            "briefgen: 1 built, 1 up to date, 1 failed:\n  c.txt: empty: the file has no text\n",
        ),
        (
            {"verbose": True},
            "a.txt: built -> out/a/ (brief.json) (0.30 s: brief 0.25, json 0.01)\nb.txt: up to date -> out/b/ (0.00 s)\n",
            "briefgen: error: c.txt: empty: the file has no text\n"
            "briefgen: 1 built, 1 up to date, 1 failed:\n  c.txt: empty: the file has no text\n",
        ),
        (
            {"debug": True},
            "a.txt -> out/a/ (brief.json)\nb.txt: up to date -> out/b/\n",
            "briefgen: error: c.txt: empty: the file has no text\nTraceback (most recent call last): …\n"
            "briefgen: 1 built, 1 up to date, 1 failed:\n  c.txt: empty: the file has no text\n",
        ),
    ],
)
def test_report(flags, stdout, stderr, capsys):
    report = Report(len(OUTCOMES), **flags)
    report.each(iter(OUTCOMES))
    assert report.summary() is False
    assert capsys.readouterr() == (stdout, stderr)


def test_quiet_success_prints_nothing_and_a_single_input_has_no_summary(capsys):
    report = Report(2, quiet=True)
    report.each(iter(OUTCOMES[:2]))
    assert report.summary() is True
    single = Report(1)
    single.each(iter(OUTCOMES[2:]))
    assert single.summary() is False
    assert capsys.readouterr() == ("", "briefgen: error: c.txt: empty: the file has no text\n")


def test_progress_bar_on_a_terminal_and_the_lines_after_it(monkeypatch, capsys):
    shown = []
    real = click.progressbar

    def progressbar(**kwargs):
        shown.append(kwargs["label"])
        return real(**kwargs)

    monkeypatch.setattr(batch, "_is_terminal", lambda stream: True)
    monkeypatch.setattr(click, "progressbar", progressbar)
    Report(len(OUTCOMES), label="Building").each(iter(OUTCOMES))
    Report(len(OUTCOMES), label="Building", quiet=True).each(iter(OUTCOMES))
    Report(1, label="Building").each(iter(OUTCOMES[:1]))
    assert shown == ["Building"]  # not when quiet, not for one input
    assert capsys.readouterr().out == "a.txt -> out/a/ (brief.json)\nb.txt: up to date -> out/b/\na.txt -> out/a/ (brief.json)\n"


class Settling:
    """A job that settles inputs named "done" at a glance (as an up-to-date pack is)."""

    def __call__(self, path: Path, name: str) -> Outcome:
        return job(path, name)

    def settled(self, path: Path, name: str) -> Outcome | None:
        if name == "missing":
            raise FileNotFoundError(path)  # left for the full run to report
        return Outcome(path, CURRENT) if name == "done" else None


def test_settled_inputs_need_no_worker(monkeypatch):
    tasks = [(Path("a.txt"), "done"), (Path("b.txt"), "sleep0"), (Path("c.txt"), "done")]

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for one input")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    outcomes = list(run(Settling(), tasks, jobs=2, models=False))
    assert [(o.input.name, o.status) for o in outcomes] == [("a.txt", CURRENT), ("b.txt", BUILT), ("c.txt", CURRENT)]


def test_settled_and_pooled_outcomes_merge_in_input_order():
    tasks = [(Path("a.txt"), "done"), (Path("b.txt"), "sleep0.3"), (Path("c.txt"), "done"), (Path("d.txt"), "missing"), (Path("e.txt"), "done")]
    outcomes = list(run(Settling(), tasks, jobs=2, models=False))
    assert [o.input.name for o in outcomes] == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]
    assert [o.status for o in outcomes] == [CURRENT, BUILT, CURRENT, BUILT, CURRENT]


def test_a_file_name_with_a_newline_stays_on_one_line(capsys):
    report = Report(2)
    report.one(Outcome(Path("in/two\nlines.txt"), BUILT, note="-> out/two_lines/ (brief.json)"))
    report.one(Outcome(Path("in/bell\a.txt"), FAILED, error="empty: the file has no text"))
    report.summary()
    out, err = capsys.readouterr()
    assert out == "in/two\\nlines.txt -> out/two_lines/ (brief.json)\n"
    assert err.splitlines() == [
        "briefgen: error: in/bell\\x07.txt: empty: the file has no text",
        "briefgen: 1 built, 1 failed:",
        "  in/bell\\x07.txt: empty: the file has no text",
    ]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process groups from Linux /proc")
def test_no_worker_outlives_a_parent_killed_with_sigkill(tmp_path):
    script = (
        "import sys, time; from pathlib import Path; from briefgen.pack.batch import run; from tests.pack.test_batch import job\n"
        "for o in run(job, [(Path('a.txt'), 'sleep600'), (Path('b.txt'), 'sleep600')], jobs=2, models=False): pass\n"
    )
    root = Path(__file__).resolve().parents[2]
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=root, start_new_session=True)
    try:
        while len(_group(parent.pid)) < 3:  # the parent and its two workers (and the resource tracker)
            assert parent.poll() is None, "the batch ended before its workers started"
            time.sleep(0.05)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 30
        while _group(parent.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _group(parent.pid) == []
    finally:
        for pid in _group(parent.pid):
            os.kill(pid, signal.SIGKILL)


def _group(pgid: int) -> list[int]:
    """The live processes of a process group (from /proc), zombies left out."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids
