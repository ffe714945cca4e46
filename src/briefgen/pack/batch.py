"""Turn a list of inputs into one Outcome each, in input order: in this process or in a pool of workers.

A job is a picklable callable `job(path, name) -> Outcome` (a module-level
function, or an instance such as pack.PackJob), so workers can run it. It
raises BriefgenError for bad input; any exception becomes that input's
failure, so one bad input never stops the others. With
`jobs > 1` a process pool runs the inputs; each worker loads the language
models once, in its initialiser. `Report` prints what the user asked for:
per-file lines, errors, a progress bar on a terminal, and the summary.
"""
from __future__ import annotations

import gc
import os
import re
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import BriefgenError

if TYPE_CHECKING:
    from concurrent.futures import Future

BUILT, CURRENT, FAILED = "built", "up to date", "failed"
PARENT_CHECK = 0.5  # seconds between a worker's looks at whether its parent still runs
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(slots=True)
class Outcome:
    """What one input came to: a note on what was written, or the one-line reason it failed."""

    input: Path
    status: str = BUILT
    note: str = ""  # "-> outputs/visit/ (brief.json, brief.pdf)"
    outdir: Path | None = None  # the pack it built or found up to date
    output: str | None = None  # text for standard output (extract without -o)
    error: str | None = None
    detail: str | None = None  # the traceback of an unexpected error, shown with --debug
    timings: dict[str, float] = field(default_factory=dict)  # stage → seconds


Job = Callable[[Path, str], Outcome]


def run(job: Job, tasks: Sequence[tuple[Path, str]], jobs: int = 1, models: bool = True) -> Iterator[Outcome]:
    """Run `job` on every (path, name), yielding the outcomes in input order as soon as each is known.

    With a pool, inputs the job can settle at a glance (its optional
    `settled(path, name)`, e.g. an up-to-date pack) are settled here first, so
    a re-run with nothing to do starts no worker. `models`: whether workers
    load the language models up front (not needed to render brief files).
    """
    if jobs <= 1 or len(tasks) <= 1:
        for path, name in tasks:
            yield attempt(job, path, name)
        return
    settled = [_settle(job, path, name) for path, name in tasks]
    pending = [i for i, outcome in enumerate(settled) if outcome is None]
    if len(pending) <= 1:
        for (path, name), outcome in zip(tasks, settled, strict=True):
            yield outcome or attempt(job, path, name)
        return
    import multiprocessing  # only a pool needs these (their import is a good part of a single run's start-up)
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("spawn")  # a clean interpreter: safe with any threads or libraries
    with ProcessPoolExecutor(min(jobs, len(pending)), mp_context=context, initializer=_init_worker, initargs=(models, os.getpid())) as pool:
        futures = {pool.submit(attempt, job, *tasks[i]): i for i in pending}
        done = {i: outcome for i, outcome in enumerate(settled) if outcome is not None}
        next_up = 0
        try:
            while next_up in done:
                yield done.pop(next_up)
                next_up += 1
            for future in as_completed(futures):
                i = futures[future]
                done[i] = _result(future, tasks[i][0])
                while next_up in done:
                    yield done.pop(next_up)
                    next_up += 1
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    yield from (done[i] for i in sorted(done))  # settled inputs after the last one built


def _settle(job: Job, path: Path, name: str) -> Outcome | None:
    """The job's quick answer for an input, if it has one; any trouble is left to the full run to report."""
    settled = getattr(job, "settled", None)
    if settled is None:
        return None
    start = time.perf_counter()
    try:
        outcome = settled(path, name)
    except Exception:  # the worker meets it again and reports it properly
        return None
    if outcome is not None:
        outcome.timings["total"] = time.perf_counter() - start
    return outcome


def attempt(job: Job, path: Path, name: str) -> Outcome:
    """Run one job, turning any failure into a failed Outcome and timing the whole."""
    start = time.perf_counter()
    try:
        outcome = job(path, name)
    except Exception as e:  # one bad input must not stop the batch
        outcome = Outcome(path, FAILED, error=one_line(e))
        if not isinstance(e, BriefgenError):
            outcome.detail = traceback.format_exc()
    outcome.timings["total"] = time.perf_counter() - start
    return outcome


def one_line(exc: Exception) -> str:
    """What went wrong, in one line: a BriefgenError's message, an OS error's reason, else an internal error."""
    if isinstance(exc, BriefgenError):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())}"


def _result(future: Future, path: Path) -> Outcome:
    try:
        return future.result()
    except Exception as e:  # BrokenProcessPool: a worker was killed (out of memory?)
        return Outcome(path, FAILED, error=f"the worker process died ({type(e).__name__})")


def one_line_warnings() -> None:
    """Print warnings (a glyph no font has, say) as one line each, like errors, without Python's source line."""
    import warnings

    warnings.formatwarning = lambda message, category, filename, lineno, line=None: f"briefgen: warning: {message}\n"


def _init_worker(models: bool, parent: int) -> None:
    """Ignore Ctrl-C (the parent handles it), end with the parent, warn in one line, load the language models once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with_parent, args=(parent,), daemon=True, name="parent-watch").start()
    one_line_warnings()
    if models:
        from .. import nlp

        nlp.warm_up()
    gc.freeze()  # what is loaded now stays for the worker's life: the collector need not walk it after every pack


def _end_with_parent(parent: int) -> None:
    """Exit this worker when its parent is gone (killed with -9, say), so no worker outlives its run.

    An orphan is adopted by another process, so its parent id changes (POSIX); once the workers are gone,
    multiprocessing's resource tracker sees its pipe close and ends too.
    """
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


def shown(path: Path) -> str:
    """A path as one line of output: control characters (a newline in a file name) are written as escapes."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], str(path))


class Report:
    """Prints outcomes as the user asked: one line per input, `quiet` only errors, `verbose` adds timings."""

    def __init__(self, total: int, *, quiet: bool = False, verbose: bool = False, debug: bool = False, label: str = ""):
        self.total, self.quiet, self.verbose, self.debug = total, quiet, verbose, debug
        self.label = label
        self.outcomes: list[Outcome] = []

    def each(self, outcomes: Iterator[Outcome]) -> None:
        """Report every outcome; behind a progress bar on a terminal, the lines follow the bar."""
        if self.total > 1 and not self.quiet and _is_terminal(sys.stderr):
            with click.progressbar(length=self.total, label=self.label, file=sys.stderr) as bar:
                held = []
                for outcome in outcomes:
                    held.append(outcome)
                    bar.update(1)
            outcomes = iter(held)
        for outcome in outcomes:
            self.one(outcome)

    def one(self, outcome: Outcome) -> None:
        """Print one outcome's line(s) and keep it for the summary."""
        self.outcomes.append(outcome)
        if outcome.output is not None:
            click.echo(outcome.output, nl=False)
        if outcome.status == FAILED:
            click.echo(f"briefgen: error: {shown(outcome.input)}: {outcome.error}", err=True)
            if self.debug and outcome.detail:
                click.echo(outcome.detail.rstrip(), err=True)
        elif self.verbose:
            click.echo(" ".join(filter(None, [f"{shown(outcome.input)}:", outcome.status, outcome.note, _timings(outcome.timings)])))
        elif not self.quiet and outcome.status == BUILT and outcome.note:
            click.echo(f"{shown(outcome.input)} {outcome.note}")
        elif not self.quiet and outcome.status == CURRENT:
            click.echo(f"{shown(outcome.input)}: up to date {outcome.note or ''}".rstrip())  # one line per pack, always

    def summary(self) -> bool:
        """Print the summary line (for a batch, or when something failed); True when all succeeded."""
        failures = [o for o in self.outcomes if o.status == FAILED]
        if self.total > 1 and (failures or not self.quiet):
            counts = {status: sum(o.status == status for o in self.outcomes) for status in (BUILT, CURRENT, FAILED)}
            parts = [f"{n} {status}" for status, n in counts.items() if n or status != CURRENT]
            click.echo(f"briefgen: {', '.join(parts)}" + (":" if failures else ""), err=True)
            for outcome in failures:
                click.echo(f"  {shown(outcome.input)}: {outcome.error}", err=True)
        return not failures


def _timings(timings: dict[str, float]) -> str:
    total = timings.get("total", 0.0)
    stages = ", ".join(f"{k} {v:.2f}" for k, v in timings.items() if k != "total")
    return f"({total:.2f} s" + (f": {stages})" if stages else ")")


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
