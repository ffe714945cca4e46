"""The briefgen command line: wiring only (read → extract → render), errors as one line.

Exit codes: 0 success, 1 when some input failed, 2 on usage errors.
Heavy libraries are imported inside the commands that need them.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import BriefgenError

ALL_FORMATS = ("json", "docx", "pdf", "factsheet")


class Failure(click.ClickException):
    """Exit 1 with a message already printed (or none to print)."""

    exit_code = 1

    def show(self, file=None) -> None:  # the per-file lines were printed already
        if self.message:
            click.echo(f"briefgen: {self.message}", err=True)


class Main(click.Group):
    """The command group: an error outside any one input (an unusable output directory, say) is one line too."""

    def invoke(self, ctx: click.Context):
        from .batch import one_line_warnings

        one_line_warnings()
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as e:
            from .batch import one_line

            if _debug(ctx) and not isinstance(e, BriefgenError):
                raise
            raise Failure(one_line(e)) from None


def _debug(ctx: click.Context) -> bool:
    return bool(ctx.find_root().obj and ctx.find_root().obj.get("debug"))


def render_options(lang: str, template_dir: Path | None, theme: Path | None, paper: str | None, marking: str | None,
                   prepared: dt.datetime | None = None):  # fmt: skip
    """The RenderOptions the look options on the command line ask for."""
    from .render import RenderOptions

    day = prepared.date().isoformat() if prepared else None
    return RenderOptions(lang=lang, template_dir=template_dir, theme=theme, paper=paper, marking=marking, prepared=day)


def _run(ctx: click.Context, job, tasks, jobs: int, quiet: bool, verbose: bool, label: str) -> list:
    """Run a batch, report each input, end with the summary; exit 1 when any input failed, else the outcomes."""
    from .batch import Report, run
    from .pack import is_brief_file

    report = Report(len(tasks), quiet=quiet, verbose=verbose, debug=_debug(ctx), label=label)
    models = any(not is_brief_file(path) for path, _ in tasks)
    report.each(run(job, tasks, jobs or os.cpu_count() or 1, models=models))
    if not report.summary():
        raise Failure("")
    return report.outcomes


def _batch(f):
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
    """Turn reports of meetings into briefing packs (brief JSON, DOCX, PDF, fact sheet)."""
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "yaml"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File (one source) or directory (several).")
@_batch
@click.pass_context
def extract(ctx: click.Context, sources: tuple[Path, ...], fmt: str, output: Path | None, jobs, quiet, verbose) -> None:
    """Extract the brief of each SOURCE text (or re-check a brief file) and print or write it."""
    from .pack import plan_extract

    job, tasks = plan_extract(sources, fmt, output)
    _run(ctx, job, tasks, jobs, quiet, verbose, "Extracting")


def _formats(fmt: str) -> tuple[str, ...]:
    return ALL_FORMATS if fmt == "all" else (fmt,)


def _packs(ctx, inputs, out, formats, look, force, jobs, quiet, verbose) -> list[Path]:
    """Build or render a batch of packs; the pack directories, built or up to date."""
    from .pack import PackJob, plan_packs
    from .stamp import config_key

    options = render_options(**look)
    job = PackJob(out, formats, options, config_key(options), force)
    return [o.outdir for o in _run(ctx, job, plan_packs(inputs, out), jobs, quiet, verbose, "Building")]


def _look(f):
    f = click.option("--prepared", type=click.DateTime(["%Y-%m-%d"]),
                     help="Preparation date shown and stored (default: SOURCE_DATE_EPOCH, else the source's date, said to be so).")(f)  # fmt: skip
    f = click.option("--marking", help="Handling marking, e.g. 'Для служебного пользования' (off by default).")(f)
    f = click.option("--paper", type=click.Choice(["A4", "Letter"]), help="Paper size (default: the theme's).")(f)
    f = click.option("--theme", type=click.Path(dir_okay=False, path_type=Path), help="A theme YAML file.")(f)
    f = click.option(
        "--template-dir", type=click.Path(file_okay=False, path_type=Path), help="A copy of templates/ to use instead."
    )(f)
    f = click.option("--lang", type=click.Choice(["ru", "en"]), default="ru", show_default=True, help="Label language.")(f)
    return f


# --- sending packs by e-mail: wiring only, the work is in briefgen.distribute ---


def _sending(f):
    f = click.option("--yes", is_flag=True, help="Send without asking for confirmation.")(f)
    f = click.option(
        "--config", type=click.Path(dir_okay=False, path_type=Path), help="Distribution file [default: ./briefgen.yaml]."
    )(f)
    return f


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
    except Exception as e:  # noqa: BLE001 — one line, never a traceback
        raise Failure(_unexpected(ctx, e)) from None
    if done.cancelled:
        raise Failure("cancelled: nothing sent")
    click.echo(done.summary())
    if done.refused:
        raise Failure(f"{done.refused} message(s) refused: see above")


@main.command()
@click.argument("packs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "lists", multiple=True, required=True, metavar="LIST", help="A distribution list (repeatable).")
@click.option("--dry-run", is_flag=True, help="Write each message as .eml under <pack>/outbox/; send nothing.")
@click.option("--force", is_flag=True, help="Send again to recipients who already have the pack.")
@_sending
@click.pass_context
def send(ctx, packs, lists, dry_run, force, config, yes) -> None:
    """Send each PACK directory (outputs/<name>) by e-mail to the recipients of the --to lists, once each."""
    job = _job(config, lists)
    _send(ctx, job, packs, None if dry_run else _confirmer(yes), dry_run, force)


def _rebuild(f):
    return click.option("--force", is_flag=True, help="Rebuild every pack, even those that are up to date.")(f)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice([*ALL_FORMATS, "all"]), required=True)
@click.option("-o", "--output", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"), show_default=True)
@_look
@_rebuild
@_batch
@click.pass_context
def render(ctx, inputs, fmt, out, force, jobs, quiet, verbose, **look) -> None:
    """Render each INPUT (a source text, or a brief .json/.yaml) into DIR/<name>/."""
    _packs(ctx, inputs, out, _formats(fmt), look, force, jobs, quiet, verbose)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"), show_default=True)
@_look
@_rebuild
@_batch
@click.option("--send", "send_to", multiple=True, metavar="LIST", help="Then send the packs to this distribution list.")
@_sending
@click.pass_context
def build(ctx, inputs, out, force, jobs, quiet, verbose, send_to, config, yes, **look) -> None:
    """Extract and render every format for each INPUT: a complete pack in DIR/<name>/."""
    job, confirm = (_job(config, send_to), _confirmer(yes)) if send_to else (None, None)
    built = _packs(ctx, inputs, out, ALL_FORMATS, look, force, jobs, quiet, verbose)
    if job:
        _send(ctx, job, built, confirm)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the brief's JSON form."""
    from .serialize import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=1))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
