"""Turn one input file into a briefing pack on disk (DIR/<name>/, one file per format), or into a brief file.

Inputs are source texts or brief files (.json/.yaml), so a brief corrected by
hand renders as corrected. A pack is assembled in a temporary sibling
directory and swapped in whole, with a stamp (`pack.stamp`) that lets the
next run skip it while nothing it depends on has changed. When the stamp says
the source is unchanged, the pack's own brief.json (perhaps corrected by hand)
is what gets rendered again, so a re-run never undoes a correction.
"""
from __future__ import annotations

import functools
import hashlib
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BriefgenError
from ..model import Brief
from ..render import FORMATS, RenderOptions, for_brief, get_writer, output_name
from ..source import read_bytes
from . import forked
from .batch import BUILT, CURRENT, Outcome, attempt
from .manifest import write_manifest
from .outdir import Claim, clean_stale, is_temporary, plan_names, staging_dir, swap_in, write_atomic
from .stamp import STAMP_NAME, Stamp, config_key, read_stamp, stamp_bytes

if TYPE_CHECKING:
    from ..render.shared import Handover

BRIEF_SUFFIXES = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}


@dataclass(frozen=True, slots=True)
class PackJob:
    """How every pack of one run is built: where, in which formats, with which look."""

    out_root: Path
    formats: tuple[str, ...]
    options: RenderOptions
    config: str  # stamp.config_key(options)
    force: bool = False

    def __call__(self, path: Path, name: str) -> Outcome:
        return build_pack(self, path, name)

    def settled(self, path: Path, name: str) -> Outcome | None:
        """What is known without building: an up-to-date pack (see batch.run)."""
        return up_to_date(self, path, name)


@dataclass(frozen=True, slots=True)
class ExtractJob:
    """How every brief of one `extract` run is written: format, and the target (None: standard output).

    Several briefs to standard output are a stream: JSON Lines (one brief per
    line), or YAML documents each opened by `---`.
    """

    fmt: str
    target: Path | None = None  # a file for one source, a directory for several
    many: bool = False

    def __call__(self, path: Path, name: str) -> Outcome:
        from ..serialize import dump_json, dump_yaml

        brief, seconds = _timed(load_input, path, read_bytes(path))
        stream = self.many and self.target is None
        text = dump_json(brief, line=stream) if self.fmt == "json" else ("---\n" if stream else "") + dump_yaml(brief)
        outcome = Outcome(path, timings={"brief": seconds})
        if self.target is None:
            outcome.output = text
        else:
            target = self.target / f"{name}.{self.fmt}" if self.many else self.target
            target.parent.mkdir(parents=True, exist_ok=True)
            outcome.note = f"-> {write_atomic(target, text.encode('utf-8'))}"
        return outcome


def is_brief_file(path: Path) -> bool:
    """Whether an input is a brief file (JSON/YAML) rather than a source text."""
    return path.suffix.lower() in BRIEF_SUFFIXES


def load_input(path: Path, raw: bytes) -> Brief:
    """A Brief from a brief file's bytes, or extracted from a source text's."""
    if is_brief_file(path):
        return _read_brief(raw, BRIEF_SUFFIXES[path.suffix.lower()])
    from ..extract import extract_brief
    from ..serialize import brief_from_dict, brief_to_dict
    from ..source import source_from_bytes

    brief = extract_brief(source_from_bytes(raw, path.name))
    return brief_from_dict(brief_to_dict(brief))  # the checks a brief file passes, so its pack can be rendered again


@functools.lru_cache(maxsize=1)
def _read_brief(raw: bytes, fmt: str) -> Brief:
    """A brief file's Brief; the last is kept, as planning a pack reads it for its name and building it reads it again."""
    from ..serialize import load_brief
    from ..source import decode

    return load_brief(decode(raw)[0], fmt)


def plan_packs(inputs: Sequence[Path], out_root: Path) -> list[tuple[Path, str]]:
    """(input, pack name) for each distinct input, in order; leftovers of killed runs are cleaned first.

    A pack is named after its source text's file (for a brief file, the
    source it names), keeps its name from run to run, and is never given to
    an input of another source while that one's file exists (see
    `outdir.plan_names`). A file inside a pack (its own brief.json) renders
    into that pack.
    """
    clean_stale(out_root)
    unique = distinct(inputs)
    taken, homes = _holders(out_root)
    return list(zip(unique, plan_names([_claim(p, out_root, homes) for p in unique], taken), strict=True))


def plan_extract(sources: Sequence[Path], fmt: str, output: Path | None) -> tuple[ExtractJob, list[tuple[Path, str]]]:
    """The job and (source, file name) tasks of an `extract` run.

    Several sources, or an existing directory as the output, write one file
    each into that directory, named as packs are (`outdir.plan_names`).
    """
    unique = distinct(sources)
    many = len(unique) > 1 or (output is not None and output.is_dir())
    if many and output is not None:
        clean_stale(output)
    claims = [Claim(p.stem, p.resolve().parent.name, frozenset({_path_id(p)})) for p in unique]
    return ExtractJob(fmt, output, many), list(zip(unique, plan_names(claims), strict=True))


def build_one(path: Path, out_root: Path, formats: Sequence[str], options: RenderOptions, force: bool = False) -> Outcome:
    """The pack of one input, built as `briefgen render` builds it: its Outcome (the pack directory, or the error)."""
    [(path, name)] = plan_packs([path], out_root)
    return attempt(PackJob(out_root, tuple(formats), options, config_key(options), force), path, name)


def distinct(inputs: Sequence[Path]) -> list[Path]:
    """The inputs in order, each file once however often it was named."""
    seen: set[Path] = set()
    out = []
    for p in inputs:
        if p.resolve() not in seen:
            seen.add(p.resolve())
            out.append(p)
    return out


def _claim(path: Path, out_root: Path, homes: dict[str, str]) -> Claim:
    """What an input asks for: a name from its source's file name, who it is (path, source hash), a name it has."""
    ids, stem, home = {_path_id(path)}, path.stem, path.resolve().parent
    if home.parent == out_root.resolve() and read_stamp(home) is not None:
        kept = home.name  # a pack's own file (its brief.json) renders into that pack
    else:  # a text keeps the pack it had; a brief file is named by what it says, not by where it lies
        kept = None if is_brief_file(path) else homes.get(_path_id(path))
    try:
        raw = read_bytes(path)
        if is_brief_file(path):
            source = load_input(path, raw).source
            stem, digest = Path(source.name).stem or stem, source.sha256
        else:
            digest = hashlib.sha256(raw).hexdigest()
    except Exception:  # any trouble is this input's: its build reports it; any name will do
        digest = ""
    if digest:
        ids.add(f"sha256:{digest}")
    return Claim(stem, home.name, frozenset(ids), kept)


def _holders(out_root: Path) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Names in use in `out_root` → who holds them, and each holding input → its pack's name.

    A pack is held by its input while that file exists (a pack whose input is
    gone is free to take); a file that is not a pack is held by no input, so
    no pack may take its place (a send log, say).
    """
    taken: dict[str, frozenset[str]] = {}
    homes: dict[str, str] = {}
    for entry in sorted(out_root.iterdir()) if out_root.is_dir() else ():
        if entry.name.startswith("."):
            continue
        if not entry.is_dir():
            taken[entry.name] = frozenset()
            continue
        stamp = read_stamp(entry)
        if stamp and Path(stamp.input).is_file() and not Path(stamp.input).resolve().is_relative_to(entry.resolve()):
            owner = _path_id(Path(stamp.input))
            taken[entry.name] = frozenset({owner, f"sha256:{stamp.source_sha256}"})
            homes.setdefault(owner, entry.name)
    return taken, homes


def _path_id(path: Path) -> str:
    return f"path:{path.resolve()}"


@dataclass(frozen=True, slots=True)
class _Plan:
    """What building one pack takes: the input's bytes, the pack's old stamp, and the formats to render."""

    raw: bytes
    digest: str
    target: Path
    old: Stamp | None
    same: bool  # the pack describes this input's brief already
    todo: list[str]


def _plan(job: PackJob, path: Path, name: str) -> _Plan:
    raw = read_bytes(path)
    digest = hashlib.sha256(raw).hexdigest()
    target = job.out_root / name
    old = read_stamp(target)
    same = (
        not job.force
        and old is not None
        and (old.input_sha256 == digest or (not is_brief_file(path) and old.source_sha256 == digest))
    )
    if same and old is not None:
        todo = [f for f in job.formats if old.formats.get(f) != job.config or not (target / output_name(f)).is_file()]
    else:
        todo = [f for f in FORMATS if f in job.formats or (old and f in old.formats)]
    return _Plan(raw, digest, target, old, same, todo)


def up_to_date(job: PackJob, path: Path, name: str) -> Outcome | None:
    """The outcome of an input whose pack needs nothing, else None: a quick look, no model needed."""
    return _current(path, _plan(job, path, name))


def _current(path: Path, plan: _Plan) -> Outcome | None:
    return None if plan.todo else Outcome(path, CURRENT, note=f"-> {plan.target}/", outdir=plan.target)


def build_pack(job: PackJob, path: Path, name: str) -> Outcome:
    """Build (or skip, when up to date) the pack of one input; raise BriefgenError when the input is bad."""
    plan = _plan(job, path, name)
    current = _current(path, plan)
    if current:
        return current
    layout = _standby(plan.todo, job.options)  # gets the layout libraries ready while the brief is made
    staged = None
    try:
        brief, seconds = _timed(_brief_to_render, path, plan.raw, plan.target if plan.same else None)
        staged = staging_dir(plan.target)
        options = for_brief(job.options, brief)
        timings = {"brief": seconds, **write_pack(brief, staged, plan.todo, options, layout)}
        _keep_the_rest(plan.target, staged)
        write_manifest(staged, brief, options)
        formats = {**(plan.old.formats if plan.same and plan.old else {}), **{f: job.config for f in plan.todo}}
        own = plan.old is not None and path.resolve().is_relative_to(plan.target.resolve())
        source_path = plan.old.input if plan.old and own else str(path.resolve())  # a pack re-rendered from itself keeps its source
        stamp = Stamp(source_path, plan.digest, brief.source.sha256, dict(sorted(formats.items())))
        write_atomic(staged / STAMP_NAME, stamp_bytes(stamp))
        swap_in(staged, plan.target)
    except BaseException:
        if layout is not None:
            layout.stop()
        if staged is not None:
            shutil.rmtree(staged, ignore_errors=True)
        raise
    files = ", ".join(output_name(f) for f in plan.todo)
    return Outcome(path, BUILT, note=f"-> {plan.target}/ ({files})", outdir=plan.target, timings=timings)


def write_pack(
    brief: Brief, outdir: Path, formats: Sequence[str], options: RenderOptions, layout: forked.Child | None = None
) -> dict[str, float]:
    """Render each format into outdir, every file written atomically; the seconds each format took.

    The PDF formats of a process's first pack are laid out in a forked process
    (`layout`, from `_standby`, else one started here) while this one writes
    the others (see `forked`), so a single pack takes about as long as its PDFs alone.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    aside = _aside(formats)
    if layout is None and aside:
        layout = _standby(formats, options)
    if layout is None:
        return _write_formats(brief, outdir, formats, options)
    try:
        timings = _write_beside(layout, brief, outdir, formats, aside, options)
    except BaseException:
        layout.stop()
        raise
    return {f: timings[f] for f in formats}


def _write_beside(
    child: forked.Child, brief: Brief, outdir: Path, formats: Sequence[str], aside: list[str], options: RenderOptions
) -> dict[str, float]:
    """Write `aside` in the child, one call each, and the rest here, meeting where the rest needs the child's pages.

    Every document is composed here, once, and handed to the child; each laid-out format's pages come back
    with its result, and a format written here from a document laid out aside (the DOCX of the brief, which
    takes the PDF's page numbers) is rehearsed meanwhile and written once they have.
    """
    from ..render import shared

    handover = shared.composed(brief, options, formats)
    child.calls([(_write_aside, (brief, outdir, fmt, options, handover)) for fmt in aside])
    here = [f for f in formats if f not in aside]
    # each format written here waits for the child's result of the last laid-out format of its document (-1: none)
    waits_for = {f: max((i for i, a in enumerate(aside) if FORMATS[a].document == FORMATS[f].document), default=-1)
                 if FORMATS[f].composed else -1 for f in here}  # fmt: skip
    timings = _write_formats(brief, outdir, [f for f in here if waits_for[f] < 0], options)
    for fmt in here:
        if waits_for[fmt] >= 0:
            shared.rehearse(brief, options, fmt)  # its first-use costs paid while the child lays out
    for i in range(len(aside)):
        got, back = child.result()
        timings |= got
        shared.adopt(back)
        timings |= _write_formats(brief, outdir, [f for f in here if waits_for[f] == i], options)
    return timings


def _write_aside(
    brief: Brief, outdir: Path, fmt: str, options: RenderOptions, handover: Handover
) -> tuple[dict[str, float], Handover]:
    """In the child: write one laid-out format from the compositions handed over; its timing and its pages."""
    from ..render import shared

    shared.adopt(handover)
    return _write_formats(brief, outdir, [fmt], options), shared.laid_out()


def _aside(formats: Sequence[str]) -> list[str]:
    """The formats to lay out in a forked process: the laid-out media (PDF), when there is something else to do meanwhile."""
    aside = [f for f in formats if FORMATS[f].laid_out]
    return aside if 0 < len(aside) < len(formats) else []


_forked_before = False  # this process has had a pack's PDFs laid out aside already


def _standby(formats: Sequence[str], options: RenderOptions) -> forked.Child | None:
    """A forked process getting ready to lay out the PDFs (None: nothing to lay out aside, or not the first pack).

    It imports their writers and registers the theme's fonts at once, while this process makes the brief.
    Only a process's first pack is laid out aside: nothing is warm yet, so the fork loses nothing, while a
    batch's later packs lay out here, where imports, fonts, templates and styles stay warm (half the CPU).
    """
    global _forked_before
    aside = _aside(formats)
    if not aside or _forked_before:
        return None
    child = forked.standby(lambda: _get_ready(aside, options))
    _forked_before = child is not None
    return child


def _get_ready(formats: Sequence[str], options: RenderOptions) -> None:
    from ..render.pdf_blocks import get_ready

    for fmt in formats:
        get_writer(fmt)
    get_ready(options)


def _write_formats(brief: Brief, outdir: Path, formats: Sequence[str], options: RenderOptions) -> dict[str, float]:
    timings = {}
    for fmt in formats:
        data, timings[fmt] = _timed(get_writer(fmt), brief, options)
        write_atomic(outdir / output_name(fmt), data)
    return timings


def _brief_to_render(path: Path, raw: bytes, pack: Path | None) -> Brief:
    """The input's brief; for an unchanged source, the brief already in its pack (corrections kept)."""
    kept = pack / output_name("json") if pack is not None else None
    if kept is not None and kept.is_file():
        from ..serialize import load_brief

        try:
            return load_brief(kept.read_text(encoding="utf-8"))
        except (BriefgenError, OSError, UnicodeDecodeError) as e:
            raise BriefgenError(f"{kept}: {e}") from None
    return load_input(path, raw)


def _keep_the_rest(old: Path, staged: Path) -> None:
    """Carry the old pack's files that were not rendered again (other formats, files put there by hand).

    A pack that is a symlink is read where it points (and left there untouched); the new pack replaces the link.
    """
    if not old.is_dir():
        return
    for entry in old.resolve().iterdir():
        if entry.name != STAMP_NAME and not is_temporary(entry.name) and not (staged / entry.name).exists():
            _carry(entry, staged / entry.name)


def _carry(src: Path, dst: Path) -> None:
    """Keep a file of the old pack (hard link: files are only ever replaced, never changed in place)."""
    if src.is_dir() and not src.is_symlink():
        shutil.copytree(src, dst, symlinks=True, copy_function=_link)
    else:
        _link(src, dst)


def _link(src, dst) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def _timed(fn, *args):
    start = time.perf_counter()
    return fn(*args), time.perf_counter() - start
