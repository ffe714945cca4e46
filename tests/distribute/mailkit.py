"""Helpers for the distribution tests: a recording SMTP handler, a small brief and pack, a distribution file."""
from __future__ import annotations

import email
import json
import socket
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import yaml

from briefgen.model import Brief, Commitment, Figure, Participant, Source
from briefgen.pack.build import build_one
from briefgen.render import RenderOptions
from briefgen.serialize import dump_json

MARKING = "Для служебного пользования"
EVENT = "Переговоры министров «Альфа & Бета» <в Ташкенте>"


@dataclass
class Arrived:
    """One message as the server accepted it."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Handler:
    """Records what the server accepts; refuses (550) or defers (451) the addresses it is told to."""

    arrived: list[Arrived] = field(default_factory=list)
    reject: dict[str, str] = field(default_factory=dict)  # address → reply
    defer: dict[str, int] = field(default_factory=dict)  # address → how many 451 replies before accepting
    drop: set[str] = field(default_factory=set)  # addresses whose message is taken, then the connection cut unanswered

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return self.reject[address]
        if self.defer.get(address, 0) > 0:
            self.defer[address] -= 1
            return "451 4.3.0 Temporary failure, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=default_policy)
        self.arrived.append(Arrived(envelope.mail_from, list(envelope.rcpt_tos), message))
        if self.drop & set(envelope.rcpt_tos):
            server.transport.abort()  # the server has the message; the client never hears so
        return "250 Message accepted for delivery"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (just now)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    port: int
    handler: Handler


def start_server(**smtp_options) -> tuple[Server, object]:
    from aiosmtpd.controller import Controller

    handler = Handler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **smtp_options)
    controller.start()
    return Server(port, handler), controller


def make_brief(name: str = "сводка_1.txt") -> Brief:
    """A short brief with Cyrillic text, markup-like characters, a figure and a commitment."""
    text = (
        "Министры договорились создать рабочую группу <script>alert(1)</script> & совет. "
        "Товарооборот достиг 5 млрд долларов."
    )
    c_end = text.index(".") + 1
    f_start = text.index("5 млрд")
    f_end = f_start + len("5 млрд долларов")
    return Brief(
        source=Source(text=text, name=name, sha256="ab" * 32, date="2025-03-07", publisher="Агентство"),
        participants=(Participant(name="Иван Петров"),),
        commitments=(Commitment(0, c_end, text[:c_end], kind="agreement"),),
        figures=(Figure(f_start, f_end, text[f_start:f_end], kind="money", value=5e9, unit="USD", measure="товарооборот"),),
        event=EVENT,
    )


def build_pack(root: Path, formats=("json",), marking: str | None = MARKING, lang: str = "ru",
               name: str = "сводка_1.txt", **look) -> Path:
    """Build a pack from the small brief as `briefgen render` would: outputs/<name>/ with manifest.json."""
    src = root / "brief-input.json"
    src.write_text(dump_json(make_brief(name)), encoding="utf-8")
    result = build_one(src, root / "outputs", formats, RenderOptions(lang=lang, marking=marking, **look))
    assert result.error is None, result.error
    return result.outdir


RU = {"name": "Ирина Петрова", "address": "i.petrova@example.org", "language": "ru", "formats": ["json"]}
EN = {"name": "John Smith", "address": "j.smith@example.org", "language": "en", "formats": ["json"]}


def write_config(path: Path, port: int, recipients=(RU, EN), **smtp) -> Path:
    """A distribution file with one list, 'desk', for a server on 127.0.0.1:port without TLS; fast retries."""
    settings = {"host": "127.0.0.1", "port": port, "security": "none", "sender": "Бриф-служба <briefs@example.org>",
                "retries": 2, "retry_delay": 0, "timeout": 5, **smtp}
    path.write_text(yaml.safe_dump({"smtp": settings, "lists": {"desk": list(recipients)}}, allow_unicode=True),
                    encoding="utf-8")
    return path


def log_lines(pack_dir: Path, settled: bool = True) -> list[dict]:
    """The entries of the send log beside a pack: each message's fate (`settled`), or every line with its 'sending'."""
    log = pack_dir.parent / "sent.jsonl"
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    return [e for e in lines if not settled or e["result"] != "sending"]


def attachments(message: EmailMessage) -> dict[str, bytes]:
    """A message's attachments by file name."""
    return {part.get_filename(): part.get_content() for part in message.iter_attachments()}
