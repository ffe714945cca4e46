"""Turn pack directories and distribution lists into sent messages: check, plan, confirm, send and log.

Every pack is checked against its manifest and every message composed before
the first one is sent, so a bad pack stops the run while nothing has gone out.
A dry run writes the messages as .eml files under <pack>/outbox/ instead.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from ..errors import PackError
from ..model import Brief
from .config import Distribution, Recipient, load_config
from .manifest import Manifest, read_manifest
from .sendlog import LOG_NAME, REFUSED, SENT, SendLog

OUTBOX = "outbox"
_UNSAFE = re.compile(r"[^\w.@+-]+")

Echo = Callable[..., None]  # click.echo: (line, err=False)


@dataclass(frozen=True, slots=True)
class Job:
    """A distribution file and the recipients of the lists chosen from it (checked before any build)."""

    config: Distribution
    lists: tuple[str, ...]
    recipients: tuple[Recipient, ...]


@dataclass(slots=True)
class Delivery:
    """One pack to one recipient: the message to send, or the earlier send that makes it a skip."""

    pack: Manifest  # the pack as built: its manifest hash is what the log records
    recipient: Recipient
    message: EmailMessage | None = None
    files: list[str] = field(default_factory=list)  # pack-relative paths attached
    previous: dict[str, Any] | None = None


@dataclass(slots=True)
class Outcome:
    """How many messages went out, were skipped as sent before, were refused, or were written as .eml."""

    dry_run: bool
    sent: int = 0
    skipped: int = 0
    refused: int = 0
    written: int = 0
    cancelled: bool = False

    def summary(self) -> str:
        done = f"{self.written} written" if self.dry_run else f"{self.sent} sent"
        return ", ".join([done, f"{self.skipped} skipped", *([f"{self.refused} refused"] if self.refused else [])])


def prepare(config: Path | None, lists: Sequence[str]) -> Job:
    """Read the distribution file and pick the lists; ConfigError for a bad file or an unknown list."""
    distribution = load_config(config)
    return Job(distribution, tuple(lists), distribution.recipients(lists))


def run(job: Job, paths: Sequence[Path], *, echo: Echo, dry_run: bool = False, force: bool = False,
        confirm: Callable[[str], bool] | None = None) -> Outcome:
    """Send (or, dry, write) every pack to every recipient not sent it before; confirm() is asked first."""
    packs = [read_manifest(d) for d in pack_dirs(paths)]
    logs = {_outputs(p): SendLog(_outputs(p) / LOG_NAME) for p in packs}
    try:
        if not dry_run:
            for log in logs.values():
                log.lock()
        plan = _plan(job, packs, logs, force)
        outcome = Outcome(dry_run, skipped=sum(d.previous is not None for d in plan))
        for d in plan:
            if d.previous is not None:
                echo(f"skipped: {d.pack.dir} -> {d.recipient.address}: already sent {d.previous.get('time')}"
                     f" as {d.previous.get('message_id')} (--force sends it again)")
        todo = [d for d in plan if d.message is not None]
        if dry_run:
            for d in todo:
                echo(f"wrote {write_eml(d)}")
            outcome.written = len(todo)
        elif not todo:
            echo("nothing to send")
        elif confirm is None or _confirmed(job, todo, confirm, echo):
            _deliver(job, todo, logs, outcome, echo)
        else:
            outcome.cancelled = True
        return outcome
    finally:
        for log in logs.values():
            log.close()


def pack_dirs(paths: Sequence[Path]) -> list[Path]:
    """The pack directories among `paths`, each once; files (outputs/sent.jsonl from `outputs/*`) are passed over."""
    dirs: dict[Path, Path] = {}
    for path in paths:
        if not path.exists():
            raise PackError(f"{path}: no such pack directory")
        if path.is_dir():
            dirs.setdefault(path.resolve(), path)
    if not dirs:
        raise PackError("no pack directory given (a pack is a directory such as outputs/<name>/)")
    return list(dirs.values())


def _outputs(pack: Manifest) -> Path:
    """The directory holding the pack, whose sent.jsonl records it (one per directory, however it is spelled)."""
    return pack.dir.parent.resolve()


def _plan(job: Job, packs: list[Manifest], logs: dict[Path, SendLog], force: bool) -> list[Delivery]:
    from .message import compose
    from .renditions import load_pack_brief, rendition

    plan = []
    for pack in packs:
        brief: Brief | None = None
        for r in job.recipients:
            previous = None if force else logs[_outputs(pack)].sent_before(pack.sha256, r.address)
            if previous is not None:
                plan.append(Delivery(pack, r, previous=previous))
                continue
            brief = brief or load_pack_brief(pack)
            shown = rendition(pack, r.language)
            message = compose(brief, shown, r, job.config.smtp.sender)
            files = [str((shown.dir / name).relative_to(pack.dir)) for name in _names(r)]
            plan.append(Delivery(pack, r, message=message, files=files))
    return plan


def _names(r: Recipient) -> list[str]:
    from ..render import output_name

    return [output_name(f) for f in r.formats]


def _confirmed(job: Job, todo: list[Delivery], confirm: Callable[[str], bool], echo: Echo) -> bool:
    """Show every message about to go out, then ask once."""
    for d in todo:
        echo(f"to send: {d.pack.dir} -> {d.recipient.mailbox} ({', '.join(d.files)})")
    smtp = job.config.smtp
    packs = len({d.pack.dir for d in todo})
    people = len({d.recipient.address.lower() for d in todo})
    return confirm(f"Send {len(todo)} message(s): {packs} pack(s) to {people} recipient(s) of "
                   f"{', '.join(job.lists)} via {smtp.host}:{smtp.port}?")


def _deliver(job: Job, todo: list[Delivery], logs: dict[Path, SendLog], outcome: Outcome, echo: Echo) -> None:
    from .credentials import password
    from .smtp import Mailer, Refused

    with Mailer(job.config.smtp, password(job.config.smtp)) as mailer:
        for d in todo:
            msg_id = str(d.message["Message-ID"])
            record = dict(pack=d.pack.dir.name, manifest=d.pack.sha256, recipient=d.recipient.address,
                          lang=d.recipient.language, files=d.files, message_id=msg_id)
            try:
                mailer.send(d.message, d.recipient.address)
            except Refused as e:
                logs[_outputs(d.pack)].append(**record, result=REFUSED, detail=str(e))
                echo(f"briefgen: refused: {d.pack.dir} -> {d.recipient.address}: {e}", err=True)
                outcome.refused += 1
                continue
            logs[_outputs(d.pack)].append(**record, result=SENT)
            echo(f"sent: {d.pack.dir} -> {d.recipient.mailbox} ({', '.join(d.files)}) {msg_id}")
            outcome.sent += 1


def write_eml(d: Delivery) -> Path:
    """Write a planned message to <pack>/outbox/<address>.eml, as a mail client opens it."""
    from ..pack import write_atomic
    from .message import EML_POLICY

    outbox = d.pack.dir / OUTBOX
    outbox.mkdir(exist_ok=True)
    return write_atomic(outbox / f"{_UNSAFE.sub('_', d.recipient.address)}.eml", d.message.as_bytes(policy=EML_POLICY))
