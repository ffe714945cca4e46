"""The message: subject with marking, bodies from templates (escaped), attachments named and typed."""
from __future__ import annotations

import email
import email.header
from email.headerregistry import Address
from email.policy import default as default_policy

import pytest

from briefgen.distribute.config import Recipient
from briefgen.distribute.labels import labels
from briefgen.distribute.message import EML_POLICY, compose, mime_type
from briefgen.pack.manifest import read_manifest
from briefgen.render import RenderOptions
from briefgen.render.compose import load_labels
from briefgen.render.formats import Formats

from .mailkit import EVENT, MARKING, attachments, build_pack, make_brief

SENDER = Address("Бриф-служба", addr_spec="briefs@example.org")
READER = Recipient("Ирина Петрова", "i.petrova@example.org", "ru", ("json",))


def composed(tmp_path, recipient=READER, marking=MARKING):
    pack = read_manifest(build_pack(tmp_path, marking=marking))
    return pack, compose(make_brief(), pack, recipient, SENDER)


def test_headers(tmp_path):
    pack, msg = composed(tmp_path)
    assert msg["Subject"] == f"[{MARKING}] Брифинг: {EVENT}, 7 марта 2025 г."
    assert msg["From"].addresses[0] == SENDER and msg["To"].addresses[0].addr_spec == READER.address
    assert msg["Message-ID"].endswith("@example.org>") and msg["Date"].datetime is not None
    assert msg["X-Briefgen-Manifest"] == pack.sha256


def test_no_marking_no_brackets(tmp_path):
    _, msg = composed(tmp_path, marking=None)
    assert msg["Subject"] == f"Брифинг: {EVENT}, 7 марта 2025 г."


def test_a_long_cyrillic_subject_keeps_its_spaces_for_a_strict_reader(tmp_path):
    _, msg = composed(tmp_path)
    raw = msg.as_bytes(policy=EML_POLICY).split(b"\r\n\r\n")[0].decode("ascii")
    folded = raw.split("Subject: ", 1)[1].split("\r\nFrom:")[0]
    assert max(len(line) for line in raw.split("\r\n")) <= 78
    decoded = str(email.header.make_header(email.header.decode_header(folded.replace("\r\n", ""))))
    assert decoded == msg["Subject"]


def test_attachments_cyrillic_names_types_and_bytes(tmp_path):
    pack, msg = composed(tmp_path)
    raw = msg.as_bytes(policy=EML_POLICY)
    assert b"filename*" in raw and b"utf-8''" in raw  # RFC 2231
    back = email.message_from_bytes(raw, policy=default_policy)
    assert attachments(back) == {"Брифинг (данные) 2025-03-07 сводка_1.json": (pack.dir / "brief.json").read_bytes(),
                                 "manifest.json": pack.raw}
    assert {p.get_content_type() for p in back.iter_attachments()} == {"application/json"}


@pytest.mark.parametrize("name, mime", [
    ("brief.pdf", "application/pdf"),
    ("brief.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("manifest.json", "application/json"),
    ("notes.unknownext", "application/octet-stream"),
])
def test_mime_types(name, mime):
    assert mime_type(name) == mime


def test_bodies_hold_the_summary_and_figures_and_escape_the_text(tmp_path):
    pack, msg = composed(tmp_path)
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    brief = make_brief()
    assert "Здравствуйте, Ирина Петрова!" in text and EVENT in text
    assert brief.commitments[0].text in text  # a key point, as written (plain text)
    assert "Товарооборот: 5 млрд долларов" in text and "Участники: Иван Петров" in text
    assert pack.sha256 in text and pack.sha256 in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; совет" in html
    assert "&lt;в Ташкенте&gt;" in html


def test_english_reader(tmp_path):
    en = Recipient("John Smith", "j.smith@example.org", "en", ("json",))
    pack = read_manifest(build_pack(tmp_path))
    msg = compose(make_brief(), pack, en, SENDER)
    assert msg["Subject"] == f"[{MARKING}] Briefing: {EVENT}, 7 March 2025"
    assert "Brief (data) 2025-03-07 сводка_1.json" in attachments(msg)
    assert "Dear John Smith," in msg.get_body(("plain",)).get_content()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_e_mail_dates_its_event_as_the_documents_do(tmp_path, lang):
    reader = Recipient("Reader", "reader@example.org", lang, ("json",))
    msg = compose(make_brief(), read_manifest(build_pack(tmp_path)), reader, SENDER)
    assert msg["Subject"].endswith(", " + Formats(load_labels(RenderOptions(lang=lang))).date("2025-03-07"))
    assert "months" not in labels(lang)  # month names are spelled once, in the catalogue's `dates`


def test_attachments_name_the_pack_and_carry_a_plain_fallback_name(tmp_path):
    reader = Recipient("Ирина Петрова", "i.petrova@example.org", "ru", ("json",))
    pack = read_manifest(build_pack(tmp_path, name="visit-tashkent.txt"))
    msg = compose(make_brief("visit-tashkent.txt"), pack, reader, SENDER)
    back = email.message_from_bytes(msg.as_bytes(policy=EML_POLICY), policy=default_policy)
    part = next(p for p in back.iter_attachments() if p.get_filename() != "manifest.json")
    assert part.get_filename() == "Брифинг (данные) 2025-03-07 visit-tashkent.json"
    assert part.get_param("name") == "Brief (data) 2025-03-07 visit-tashkent.json"  # for clients without RFC 2231


def test_a_pack_name_without_latin_letters_falls_back_to_its_manifest_hash(tmp_path):
    pack, msg = composed(tmp_path)  # the pack "сводка_1"
    part = next(p for p in msg.iter_attachments() if p.get_filename() != "manifest.json")
    assert part.get_param("name") == f"Brief (data) 2025-03-07 {pack.sha256[:8]}.json"


def test_the_fact_sheet_is_named_as_it_calls_itself_never_a_brief():
    from briefgen.distribute.labels import labels

    assert labels("ru")["files"]["factsheet"] == "Факты и цифры" and labels("en")["files"]["factsheet"] == "Fact sheet"
