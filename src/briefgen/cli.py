"""The briefgen command line: wiring only (read → extract → render), errors as one line.

Exit codes: 0 success, 1 when some input failed, 2 on usage errors, 130 when interrupted (Ctrl-C).
Heavy libraries are imported inside the commands that need them.
"""
from __future__ import annotations

import contextlib
import gc
import json
import os
import sys
import tempfile
from pathlib import Path

import click

from . import __version__
from .errors import BriefgenError
from .render import FORMATS
from .render.catalogue import languages

ALL = "all"  # every format of FORMATS



class Failure(click.ClickException):
    """Exit 1 with a message already printed (or none to print)."""

    exit_code = 1

    def show(self, file=None) -> None:  # the per-file lines were printed already
        if self.message:
            click.echo(f"briefgen: {self.message}", err=True)


class Main(click.Group):
    """The command group: an error outside any one input (an unusable output directory, say) is one line too."""

    def invoke(self, ctx: click.Context):
        from .pack.batch import one_line_warnings

        one_line_warnings()
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:  # Ctrl-C: the shell's convention, 128 + SIGINT
            click.echo("briefgen: interrupted", err=True)
            raise click.exceptions.Exit(130) from None
        except Exception as e:
            from .pack.batch import one_line

            if _debug(ctx) and not isinstance(e, BriefgenError):
                raise
            raise Failure(one_line(e)) from None


def _debug(ctx: click.Context) -> bool:
    return bool(ctx.find_root().obj and ctx.find_root().obj.get("debug"))


def settled(config: Path | None, out: Path | None, look: dict) -> tuple[Path, dict]:
    """The output directory and look options: the command line's, else BRIEFGEN_* variables', else the file's, else briefgen's."""
    from .settings import defaults

    try:
        chosen = defaults(config)
    except BriefgenError as e:
        raise Failure(f"error: {e}") from None
    chosen.update((k, v) for k, v in {"output": out, **look}.items() if v is not None)
    return chosen.pop("output", Path("outputs")), chosen


STDIN = Path("-")
STDIN_DIR = "briefgen-stdin-"  # the temporary directory that holds standard input as a file while a run lasts


@contextlib.contextmanager
def standard_input(inputs: tuple[Path, ...], name: str):
    """The inputs with `-` replaced by a temporary file of standard input named `name` (so the pack is `name`)."""
    if STDIN not in inputs:
        yield inputs
        return
    if not name or name in (".", "..") or any(sep in name for sep in "/\\"):
        raise click.BadParameter(f"{name!r}: a name, not a path", param_hint="--name")
    from .source import read_stdin

    try:
        raw = read_stdin()
    except BriefgenError as e:
        raise Failure(f"error: -: {e}") from None
    with tempfile.TemporaryDirectory(prefix=STDIN_DIR) as tmp:
        path = Path(tmp) / name
        path.write_bytes(raw)
        yield tuple(path if p == STDIN else p for p in inputs)


def _run(ctx: click.Context, job, tasks, jobs: int, quiet: bool, verbose: bool, label: str) -> list:
    """Run a batch, report each input, end with the summary; exit 1 when any input failed, else the outcomes."""
    from .pack.batch import Report, run
    from .pack.build import is_brief_file

    report = Report(len(tasks), quiet=quiet, verbose=verbose, debug=_debug(ctx), label=label)
    models = any(not is_brief_file(path) for path, _ in tasks)
    report.each(_as_given(run(job, tasks, jobs or os.cpu_count() or 1, models=models)))
    if not report.summary():
        raise Failure("")
    return report.outcomes


def _as_given(outcomes):
    """Outcomes reported under the input's name as the user gave it (`-` for standard input)."""
    for outcome in outcomes:
        if outcome.input.parent.name.startswith(STDIN_DIR):
            outcome.input = STDIN
        yield outcome


def _batch(f):
    f = click.option(
        "--name", default="stdin", show_default=True, help="The name of the brief or pack read from standard input (`-`)."
    )(f)
    f = click.option("-v", "--verbose", is_flag=True, help="Also print unchanged inputs and per-file timings.")(f)
    f = click.option("-q", "--quiet", is_flag=True, help="Print only errors.")(f)
    f = click.option(
        "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
        help="Inputs processed in parallel (0: one per CPU).",
    )(f)
    return f


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for unexpected errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Turn reports of meetings into briefing packs (brief JSON, DOCX, PDF, fact sheet).

    The look options and -o default to BRIEFGEN_<OPTION> variables, else the
    `defaults:` of briefgen.yaml (--config FILE, ./briefgen.yaml, or the user's).
    """
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "yaml"]), default="json", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path),
    help="File (one source) or directory (several); `-`: standard output, as without -o.",
)
@_batch
@click.pass_context
def extract(ctx: click.Context, sources: tuple[Path, ...], fmt: str, output: Path | None, name, jobs, quiet, verbose) -> None:
    """Extract the brief of each SOURCE (`-`: standard input) and print or write it; several print as JSON Lines."""
    from .pack.build import plan_extract

    with standard_input(sources, name) as sources:
        job, tasks = plan_extract(sources, fmt, None if output == STDIN else output)
        _run(ctx, job, tasks, jobs, quiet, verbose, "Extracting")


def _formats(fmt: str) -> tuple[str, ...]:
    return tuple(FORMATS) if fmt == ALL else (fmt,)


def _packs(ctx, inputs, out, formats, look, config, force, name, jobs, quiet, verbose) -> list[Path]:
    """Build or render a batch of packs; the pack directories, built or up to date."""
    from .pack.build import PackJob, plan_packs
    from .pack.outdir import exclusive
    from .pack.stamp import config_key
    from .render import RenderOptions

    if out == STDIN:
        raise click.BadParameter("a pack is a directory; `briefgen extract -o -` prints a brief", param_hint="-o")
    out, look = settled(config, out, look)
    options = RenderOptions(**look)
    job = PackJob(out, formats, options, config_key(options), force)
    with standard_input(inputs, name) as inputs, exclusive(out, say=lambda line: click.echo(f"briefgen: {line}", err=True)):
        return [o.outdir for o in _run(ctx, job, plan_packs(inputs, out), jobs, quiet, verbose, "Building")]


def _config(f):
    return click.option(
        "--config", type=click.Path(dir_okay=False, path_type=Path),
        help="Defaults and distribution file [default: ./briefgen.yaml, else the user's].",
    )(f)


def _look(f):
    """The look and output options; each defaults to BRIEFGEN_<OPTION>, else the defaults file (see README)."""
    f = _config(f)
    f = click.option("--organisation", help="Organisation shown under the logo (default: the theme's).")(f)
    f = click.option("--prepared", type=click.DateTime(["%Y-%m-%d"]), callback=lambda ctx, param, day: day and day.date().isoformat(),
                     help="Preparation date shown and stored (default: SOURCE_DATE_EPOCH, else the source's date, said to be so).")(f)  # fmt: skip
    f = click.option("--marking", help="Handling marking, e.g. 'Для служебного пользования' (off by default).")(f)
    f = click.option("--paper", type=click.Choice(["A4", "Letter"]), help="Paper size (default: the theme's).")(f)
    f = click.option("--theme", type=click.Path(dir_okay=False, path_type=Path), help="A theme YAML file.")(f)
    f = click.option(
        "--template-dir", type=click.Path(file_okay=False, path_type=Path), help="A copy of templates/ to use instead."
    )(f)
    f = click.option(
        "--lang", type=click.Choice(languages()), default=None, help="Label language [default: the source's language]."
    )(f)
    f = click.option(
        "-o", "--output", "out", type=click.Path(file_okay=False, path_type=Path), help="Output directory [default: outputs]."
    )(f)
    return f


# --- sending packs by e-mail: wiring only, the work is in briefgen.distribute ---


def _sending(f):
    return click.option("--yes", is_flag=True, help="Send without asking for confirmation.")(f)


def _interactive() -> bool:
    return sys.stdin.isatty()


def _confirmer(yes: bool):
    """No question with --yes; else a yes/no prompt, refused up front when no one is at a terminal to answer."""
    if yes:
        return None
    if not _interactive():
        raise Failure("stdin is not a terminal, so no one can confirm: pass --yes to send without asking")
    return lambda question: click.confirm(question, default=False)


def _job(config: Path | None, lists: tuple[str, ...]):
    from .distribute.run import prepare

    try:
        return prepare(config, lists)
    except BriefgenError as e:
        raise Failure(str(e)) from None


def _send(ctx: click.Context, job, packs, confirm, dry_run: bool = False, force: bool = False) -> None:
    from .distribute.run import run

    try:
        done = run(job, packs, echo=click.echo, dry_run=dry_run, force=force, confirm=confirm)
    except BriefgenError as e:
        raise Failure(str(e)) from None
    if done.cancelled:
        raise Failure("cancelled: nothing sent")
    click.echo(done.summary())
    for line in done.uncertain:  # listed at the end, where they are seen
        click.echo(f"briefgen: uncertain: {line}", err=True)
    if done.uncertain:
        raise Failure(f"{len(done.uncertain)} message(s) may or may not have arrived: not sent again without --force")
    if done.refused:
        raise Failure(f"{done.refused} message(s) refused: see above")


@main.command()
@click.argument("packs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "lists", multiple=True, required=True, metavar="LIST", help="A distribution list (repeatable).")
@click.option("--dry-run", is_flag=True, help="Write each message as .eml under <pack>/outbox/; send nothing.")
@click.option("--force", is_flag=True, help="Send again to recipients who already have the pack.")
@_sending
@_config
@click.pass_context
def send(ctx, packs, lists, dry_run, force, config, yes) -> None:
    """Send each PACK directory (outputs/<name>) by e-mail to the recipients of the --to lists, once each."""
    job = _job(config, lists)
    _send(ctx, job, packs, None if dry_run else _confirmer(yes), dry_run, force)


def _rebuild(f):
    return click.option("--force", is_flag=True, help="Rebuild every pack, even those that are up to date.")(f)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice([*FORMATS, ALL]), required=True)
@_look
@_rebuild
@_batch
@click.pass_context
def render(ctx, inputs, fmt, out, config, force, name, jobs, quiet, verbose, **look) -> None:
    """Render each INPUT (a source, `-` for standard input, or a brief .json/.yaml) into DIR/<name>/."""
    _packs(ctx, inputs, out, _formats(fmt), look, config, force, name, jobs, quiet, verbose)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@_look
@_rebuild
@_batch
@click.option("--send", "send_to", multiple=True, metavar="LIST", help="Then send the packs to this distribution list.")
@_sending
@click.pass_context
def build(ctx, inputs, out, config, force, name, jobs, quiet, verbose, send_to, yes, **look) -> None:
    """Extract and render every format for each INPUT (`-`: standard input): a complete pack in DIR/<name>/."""
    job, confirm = (_job(config, send_to), _confirmer(yes)) if send_to else (None, None)
    built = _packs(ctx, inputs, out, tuple(FORMATS), look, config, force, name, jobs, quiet, verbose)
    if job:
        _send(ctx, job, built, confirm)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the brief's JSON form."""
    from .serialize import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=1))


def run() -> None:
    """The `briefgen` command: `main`, then an exit that skips the last garbage collection.

    Every object the run made is frozen before the interpreter ends, so its final collection does not walk
    them all (about 0.1 s after a pack); files are written and closed by then, and exit handlers still run.
    """
    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    run()
