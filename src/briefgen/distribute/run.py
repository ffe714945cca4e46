"""Turn pack directories and distribution lists into sent messages: check, plan, confirm, send and log.

Every pack is checked against its manifest and every message composed (and
its size checked) before the first one is sent, so a bad pack stops the run
while nothing has gone out. Each reader gets a pack once: the send log says
what each was sent before. A pack whose items differ from those last sent to
the reader goes out as a correction; one with the same items (a re-render)
is not sent again, nor one whose earlier send has an unknown outcome, unless
`--force`. A dry run writes the messages as .eml files under <pack>/outbox/.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from ..errors import DeliveryError, PackError
from ..model import Brief
from ..pack.manifest import Manifest, read_manifest
from .config import Distribution, Recipient, load_config
from .sendlog import FAILED, LOG_NAME, REFUSED, SENDING, SENT, UNCERTAIN, SendLog

OUTBOX = "outbox"
MB = 2**20
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
    previous: dict[str, Any] | None = None  # the earlier send that makes this a skip
    items: dict[str, list[str]] = field(default_factory=dict)  # what the message tells (see changes.items)


@dataclass(slots=True)
class Outcome:
    """How many messages went out, were skipped as sent before, were refused, or were written as .eml."""

    dry_run: bool
    sent: int = 0
    skipped: int = 0
    refused: int = 0
    written: int = 0
    cancelled: bool = False
    uncertain: list[str] = field(default_factory=list)  # one line per message whose fate is unknown

    def summary(self) -> str:
        done = f"{self.written} written" if self.dry_run else f"{self.sent} sent"
        return ", ".join([done, f"{self.skipped} skipped", *([f"{self.refused} refused"] if self.refused else []),
                          *([f"{len(self.uncertain)} uncertain"] if self.uncertain else [])])


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
                echo(_skip_line(d))
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


def _skip_line(d: Delivery) -> str:
    p = d.previous
    assert p is not None, "only a skip is described by its earlier send"
    when = f"{p.get('time')} as {p.get('message_id')}"
    if p["result"] == UNCERTAIN:
        return (f"skipped: {d.pack.dir} -> {d.recipient.address}: may have arrived {when} (the outcome is unknown; "
                f"--force sends it again)")
    same = "" if p["manifest"] == d.pack.sha256 else " with the same items"
    return f"skipped: {d.pack.dir} -> {d.recipient.address}: already sent{same} {when} (--force sends it again)"


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
    from .changes import Correction, diff, items
    from .message import compose, message_id
    from .renditions import load_pack_brief, rendition

    plan = []
    for pack in packs:
        log = logs[_outputs(pack)]
        brief: Brief | None = None
        for r in job.recipients:
            previous = log.last(pack.dir.name, r.address)
            if previous is not None and not force and previous["manifest"] == pack.sha256:
                plan.append(Delivery(pack, r, previous=previous))
                continue
            brief = brief or load_pack_brief(pack)
            now = items(brief)
            before = previous.get("items") if previous else None
            if previous is not None and not force and before == now:
                plan.append(Delivery(pack, r, previous=previous))  # a re-render: the reader has these items
                continue
            correction = Correction(previous["message_id"], diff(before, now)) if previous and before != now else None
            shown = rendition(pack, r.language)
            sender = job.config.smtp.sender
            msg_id = message_id(pack.sha256, r.address, log.sends(pack.sha256, r.address), sender.domain)
            message = compose(brief, shown, r, sender, name=pack.dir.name, msg_id=msg_id, correction=correction)
            _check_size(message, pack, r, job.config.smtp.max_message_mb)
            files = [str((shown.dir / name).relative_to(pack.dir)) for name in _names(r)]
            plan.append(Delivery(pack, r, message=message, files=files, items=now))
    return plan


def _check_size(message: EmailMessage, pack: Manifest, r: Recipient, limit_mb: float) -> None:
    """Refuse, before anything of the run is sent, a message larger than the server is likely to take."""
    from .message import MAIL_POLICY

    size = len(message.as_bytes(policy=MAIL_POLICY))
    if size > limit_mb * MB:
        raise PackError(f"{pack.dir} -> {r.address}: the message is {size / MB:.1f} MB "
                        f"(the limit is {limit_mb:g} MB, smtp.max_message_mb): send fewer formats to this reader")


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
    """Send each message, logging it as on its way before handing it over and its fate after."""
    from .credentials import password
    from .smtp import Mailer, Refused, Uncertain

    with Mailer(job.config.smtp, password(job.config.smtp)) as mailer:
        for d in todo:
            assert d.message is not None, "only messages are delivered"
            log = logs[_outputs(d.pack)]
            msg_id = str(d.message["Message-ID"])
            record = dict(pack=d.pack.dir.name, manifest=d.pack.sha256, recipient=d.recipient.address,
                          lang=d.recipient.language, files=d.files, message_id=msg_id, items=d.items)
            where = f"{d.pack.dir} -> {d.recipient.address}"
            _log(log, record, SENDING, f"{where}: not sent, nor anything after it")
            try:
                mailer.send(d.message, d.recipient.address)
            except Refused as e:
                _log(log, record, REFUSED, f"{where}: refused ({e})", str(e))
                echo(f"briefgen: refused: {where}: {e}", err=True)
                outcome.refused += 1
                continue
            except Uncertain as e:
                _log(log, record, UNCERTAIN, f"{where}: {e}", str(e))
                outcome.uncertain.append(f"{where}: {e}; {msg_id}")
                echo(f"briefgen: uncertain: {where}: {e}", err=True)
                continue
            except DeliveryError as e:
                _log(log, record, FAILED, str(e), str(e))
                raise
            _log(log, record, SENT, f"{where}: sent as {msg_id}, but not logged: the next run counts it as uncertain")
            echo(f"sent: {d.pack.dir} -> {d.recipient.mailbox} ({', '.join(d.files)}) {msg_id}")
            outcome.sent += 1


def _log(log: SendLog, record: dict[str, Any], result: str, then: str, detail: str | None = None) -> None:
    """Append to the send log; a disk that refuses (full, read-only) stops the run with what it means for this message."""
    try:
        log.append(record, result, detail)
    except OSError as e:
        raise DeliveryError(f"{log.path}: cannot write the send log ({e.strerror or e}): {then}") from None


def write_eml(d: Delivery) -> Path:
    """Write a planned message to <pack>/outbox/<address>.eml, as a mail client opens it."""
    from ..pack.outdir import write_atomic
    from .message import EML_POLICY

    assert d.message is not None, "only messages are written"
    outbox = d.pack.dir / OUTBOX
    outbox.mkdir(exist_ok=True)
    d.message["X-Unsent"] = "1"  # Outlook opens it as a draft to send, not as received mail
    return write_atomic(outbox / f"{_UNSAFE.sub('_', d.recipient.address)}.eml", d.message.as_bytes(policy=EML_POLICY))
