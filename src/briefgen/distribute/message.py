"""Turn a pack and one recipient into a MIME message: subject, plain-text and HTML body, attachments.

Attachments get names in the recipient's language with the date and the
pack's name (RFC 2231 encodes Cyrillic ones; the Content-Type `name` holds a
plain ASCII fallback for older clients), their MIME type from the file's
extension, and the pack's manifest.json travels with them. The Message-ID is
derived from the pack's manifest, the reader and the send number, so a retry
keeps it; a correction says so in its subject, threads to the message it
corrects and lists what changed.
"""
from __future__ import annotations

import hashlib
import mimetypes
import re
import unicodedata
from dataclasses import dataclass
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import formatdate
from pathlib import PurePath
from typing import Any

from .. import __version__
from ..model import Brief
from ..pack.manifest import MANIFEST, Manifest
from ..render.formats import Formats
from .changes import Correction
from .config import Recipient
from .labels import catalogue_of, labels, languages, render

MANIFEST_HEADER = "X-Briefgen-Manifest"
# types the standard library may not know without the system's mime.types
_MIME_FALLBACK = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9 ()._-]+")


class _MailPolicy(EmailPolicy):
    """email's default policy, except that a non-ASCII Subject is folded by the older `email.header` encoder.

    Python 3.11's folder ends one encoded word at a space and starts the next
    after it, and a reader drops whitespace between encoded words (RFC 2047
    6.2): "Переговоры министров" arrived as "Переговорыминистров". The older
    encoder keeps the spaces inside the encoded words.
    """

    def fold(self, name: str, value: str) -> str:
        return self._encoded(name, value) if _free_text(name, value) else super().fold(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        return self._encoded(name, value).encode("ascii") if _free_text(name, value) else super().fold_binary(name, value)

    def _encoded(self, name: str, value: str) -> str:
        header = Header(str(value), "utf-8", header_name=name, maxlinelen=self.max_line_length)
        return f"{name}: {header.encode(linesep=self.linesep)}{self.linesep}"


def _free_text(name: str, value: str) -> bool:
    return name.lower() == "subject" and not str(value).isascii()


MAIL_POLICY = _MailPolicy()
EML_POLICY = MAIL_POLICY.clone(linesep="\r\n")  # as sent over SMTP


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    data: bytes
    mime: str
    plain: str  # an ASCII name for clients that cannot read RFC 2231 (else they show "ATT00001.pdf")


def message_id(manifest: str, address: str, number: int, domain: str) -> str:
    """The Message-ID of the `number`-th send (from 0) of a pack to an address: the same on every retry."""
    key = hashlib.sha256(f"{manifest}\n{address.lower()}\n{number}".encode()).hexdigest()[:32]
    return f"<{key}@{domain}>"


def compose(brief: Brief, pack: Manifest, recipient: Recipient, sender: Address, *, name: str | None = None,
            msg_id: str | None = None, correction: Correction | None = None) -> EmailMessage:
    """The message that brings `pack` (rendered in the recipient's language) to the recipient.

    `name`: the pack's name, in the attachments' names (default: its folder's); `msg_id`: see `message_id`
    (default: the first send); `correction`: the earlier message this one corrects and what changed.
    """
    words = labels(recipient.language)
    files = attachments(brief, pack, recipient, name or pack.dir.name)
    context = _context(brief, pack, recipient, files, words)
    context["changes"] = [{"what": c.what, "before": c.before, "after": c.after} for c in correction.changes] if correction else []
    context["correction"] = correction is not None
    msg = EmailMessage(policy=MAIL_POLICY)
    msg["Subject"] = " ".join(render("subject.txt.j2", context).split())
    msg["From"] = sender
    msg["To"] = recipient.mailbox
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = msg_id or message_id(pack.sha256, recipient.address, 0, sender.domain)
    if correction:
        msg["In-Reply-To"] = correction.replaces
        msg["References"] = correction.replaces
    msg[MANIFEST_HEADER] = pack.sha256
    msg.set_content(render("body.txt.j2", context), cte="quoted-printable")
    msg.add_alternative(render("body.html.j2", context), subtype="html", cte="quoted-printable")
    for a in files:
        maintype, subtype = a.mime.split("/", 1)
        msg.add_attachment(a.data, maintype=maintype, subtype=subtype, filename=a.filename, params={"name": a.plain})
    return msg


def attachments(brief: Brief, pack: Manifest, recipient: Recipient, name: str) -> list[Attachment]:
    """The files the recipient wants, checked against the manifest, then the manifest itself.

    Each is named by its kind, the source's date and the pack's name ("Брифинг 2025-11-15 visit.pdf"), so
    two meetings of one day do not collide.
    """
    from ..render import output_name

    words, english = labels(recipient.language), labels("en") if "en" in languages() else {}
    day = brief.source.date or ""
    plain_pack = _plain(name)
    if not re.search("[A-Za-z]", plain_pack):  # a name in another script: the pack's manifest hash tells packs apart
        plain_pack = pack.sha256[:8]
    files = []
    for fmt in recipient.formats:
        file = output_name(fmt)
        suffix, stem = PurePath(file).suffix, PurePath(file).stem
        title = " ".join(filter(None, [words.get("files", {}).get(fmt, stem), day, name]))
        plain = " ".join(filter(None, [english.get("files", {}).get(fmt, stem), day, plain_pack]))
        files.append(Attachment(_UNSAFE_FILENAME.sub("_", title) + suffix, pack.read_file(file), mime_type(file),
                                _plain(plain) + suffix))
    files.append(Attachment(MANIFEST, pack.raw, mime_type(MANIFEST), MANIFEST))
    return files


def _plain(text: str) -> str:
    """Text reduced to ASCII letters, digits, spaces and ()._- (accents dropped, other scripts left out)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(_NOT_PLAIN.sub("_", ascii_text).split()).strip("_ ")


def mime_type(name: str) -> str:
    """The MIME type of a file name by its extension (application/octet-stream when unknown)."""
    return mimetypes.guess_type(name)[0] or _MIME_FALLBACK.get(PurePath(name).suffix, "application/octet-stream")


def _context(brief: Brief, pack: Manifest, recipient: Recipient, files: list[Attachment], words: dict) -> dict[str, Any]:
    from ..digest import make_digest

    source = brief.source
    digest = make_digest(brief, recipient.language)
    return {
        "labels": words,
        "recipient": recipient.name,
        "marking": pack.marking,
        "event": digest.title or PurePath(source.name).stem or pack.dir.name,
        "date": Formats(catalogue_of(recipient.language)).date(source.date),
        "place": source.place,
        "publisher": source.publisher,
        "title": source.title,
        "points": [p.text for p in digest.points],
        "agreed": digest.agreed,
        "figures": [{"text": r.figure.text, "measure": r.label} for r in digest.figures],
        "participants": [p.name for p in brief.participants],
        "topics": _topics(brief, recipient.language),
        "attachments": [{"name": a.filename, "size": len(a.data)} for a in files],
        "manifest": pack.sha256,
        "generator": f"briefgen {__version__}",
    }


def _topics(brief: Brief, lang: str) -> list[str]:
    """The labels in `lang` of the areas discussed in substance, from the taxonomy (else the brief's own label)."""
    from ..data import load

    names = {a.get("id"): a.get("label", {}) for a in load("taxonomy").get("areas", [])}
    return [names.get(a.id, {}).get(lang) or a.label for a in brief.agenda_areas if a.required]
