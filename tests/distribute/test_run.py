"""`briefgen send` and `build --send` through CliRunner against a real SMTP server on 127.0.0.1."""
from __future__ import annotations

import email
from dataclasses import replace
from email.policy import default as default_policy

import pytest

from briefgen.cli import main

from .mailkit import EN, EVENT, MARKING, RU, attachments, build_pack, free_port, log_lines, write_config


def send(runner, pack, config, *extra):
    return runner.invoke(main, ["send", str(pack), "--to", "desk", "--config", str(config), *extra])


def test_messages_arrive_with_recipients_subjects_and_the_files_on_disk(runner, pack, config, smtp_server):
    result = send(runner, pack, config, "--yes")
    assert result.exit_code == 0, result.output
    arrived = {a.rcpt_tos[0]: a for a in smtp_server.handler.arrived}
    assert sorted(arrived) == sorted([RU["address"], EN["address"]])
    assert all(a.rcpt_tos == [addr] and a.mail_from == "briefs@example.org" for addr, a in arrived.items())

    ru = arrived[RU["address"]].message
    assert ru["To"].addresses[0].display_name == RU["name"]
    assert ru["Subject"] == f"[{MARKING}] Брифинг: {EVENT}, 7 марта 2025 г."
    assert ru["Message-ID"] and ru["Date"].datetime is not None
    files = attachments(ru)
    assert files == {"Брифинг (данные) 2025-03-07 сводка_1.json": (pack / "brief.json").read_bytes(),
                     "manifest.json": (pack / "manifest.json").read_bytes()}

    en = arrived[EN["address"]].message
    assert en["Subject"] == f"[{MARKING}] Briefing: {EVENT}, 7 March 2025"
    assert attachments(en) == {"Brief (data) 2025-03-07 сводка_1.json": (pack / "en" / "brief.json").read_bytes(),
                               "manifest.json": (pack / "en" / "manifest.json").read_bytes()}

    log = log_lines(pack)
    assert [(e["recipient"], e["result"]) for e in log] == [(RU["address"], "sent"), (EN["address"], "sent")]
    assert {e["message_id"] for e in log} == {ru["Message-ID"], en["Message-ID"]}
    assert all(e["pack"] == pack.name and len(e["manifest"]) == 64 for e in log)


def test_second_send_is_skipped_and_reported_unless_forced(runner, pack, config, smtp_server):
    assert send(runner, pack, config, "--yes").exit_code == 0
    again = send(runner, pack, config, "--yes")
    assert again.exit_code == 0
    assert again.output.count("skipped:") == 2 and "0 sent, 2 skipped" in again.output
    assert len(smtp_server.handler.arrived) == 2 and len(log_lines(pack)) == 2

    forced = send(runner, pack, config, "--yes", "--force")
    assert forced.exit_code == 0 and "2 sent" in forced.output
    assert len(smtp_server.handler.arrived) == 4 and len(log_lines(pack)) == 4


def test_a_rebuilt_pack_with_the_same_items_is_not_sent_again_unless_forced(runner, tmp_path, config, smtp_server):
    first = build_pack(tmp_path, marking=None)
    assert send(runner, first, config, "--yes").exit_code == 0
    rebuilt = build_pack(tmp_path, marking=MARKING)  # same place, another manifest, the same items
    result = send(runner, rebuilt, config, "--yes")
    assert result.exit_code == 0 and "0 sent, 2 skipped" in result.output
    assert "already sent with the same items" in result.output
    forced = send(runner, rebuilt, config, "--yes", "--force")
    assert forced.exit_code == 0 and "2 sent" in forced.output
    assert len({e["manifest"] for e in log_lines(rebuilt)}) == 2
    assert not any(a.message["In-Reply-To"] for a in smtp_server.handler.arrived)  # not a correction


def test_a_recipient_refused_with_550_is_reported_and_the_others_arrive(runner, tmp_path, pack, smtp_server):
    bad = {**RU, "name": "Нет Такого", "address": "nobody@example.org"}
    config = write_config(tmp_path / "briefgen.yaml", smtp_server.port, recipients=(bad, RU, EN))
    smtp_server.handler.reject[bad["address"]] = "550 5.1.1 No such user here"
    result = send(runner, pack, config, "--yes")
    assert result.exit_code == 1
    refused = [line for line in result.stderr.splitlines() if "refused" in line and bad["address"] in line]
    assert len(refused) == 1 and "550 5.1.1 No such user here" in refused[0]
    assert sorted(a.rcpt_tos[0] for a in smtp_server.handler.arrived) == sorted([RU["address"], EN["address"]])
    results = {e["recipient"]: e["result"] for e in log_lines(pack)}
    assert results == {bad["address"]: "refused", RU["address"]: "sent", EN["address"]: "sent"}
    # the refused recipient was not sent the pack, so a later run tries again
    smtp_server.handler.reject.clear()
    assert "1 sent, 2 skipped" in send(runner, pack, config, "--yes").output


def test_a_deferred_recipient_is_retried_and_arrives(runner, pack, config, smtp_server):
    smtp_server.handler.defer[RU["address"]] = 2  # config allows 2 retries
    result = send(runner, pack, config, "--yes")
    assert result.exit_code == 0, result.output
    assert sorted(a.rcpt_tos[0] for a in smtp_server.handler.arrived) == sorted([RU["address"], EN["address"]])
    assert [e["result"] for e in log_lines(pack)] == ["sent", "sent"]


def test_a_server_not_listening_gives_one_line_and_leaves_the_log_unchanged(runner, tmp_path, pack, smtp_server):
    config = write_config(tmp_path / "briefgen.yaml", smtp_server.port)
    assert send(runner, pack, config, "--yes").exit_code == 0
    log = pack.parent / "sent.jsonl"
    before = log.read_bytes()
    down = write_config(tmp_path / "down.yaml", free_port())
    result = send(runner, pack, down, "--yes", "--force")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("briefgen: SMTP server 127.0.0.1:") and "Traceback" not in result.output
    assert log.read_bytes() == before


def test_a_server_not_listening_creates_no_log(runner, tmp_path, pack):
    result = send(runner, pack, write_config(tmp_path / "down.yaml", free_port()), "--yes")
    assert result.exit_code == 1 and not (pack.parent / "sent.jsonl").exists()


def test_a_refused_login_stops_with_one_line(runner, tmp_path, pack, monkeypatch):
    from aiosmtpd.smtp import AuthResult

    from .mailkit import start_server

    server, controller = start_server(
        authenticator=lambda *args: AuthResult(success=False, handled=False), auth_require_tls=False
    )
    try:
        monkeypatch.setenv("BRIEFGEN_TEST_PASSWORD", "wrong")
        config = write_config(tmp_path / "briefgen.yaml", server.port, user="briefgen",
                              password_env="BRIEFGEN_TEST_PASSWORD")
        result = send(runner, pack, config, "--yes")
    finally:
        controller.stop()
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "login refused for briefgen: 535" in result.stderr
    assert server.handler.arrived == [] and log_lines(pack) == []


def test_english_reader_gets_english_words_in_the_body(runner, pack, config, smtp_server):
    assert send(runner, pack, config, "--yes").exit_code == 0
    by_address = {a.rcpt_tos[0]: a.message for a in smtp_server.handler.arrived}
    en_text = by_address[EN["address"]].get_body(("plain",)).get_content()
    ru_text = by_address[RU["address"]].get_body(("plain",)).get_content()
    assert "Dear John Smith," in en_text and "Participants: Иван Петров" in en_text
    assert "Участники" not in en_text and "Участники: Иван Петров" in ru_text
    html = by_address[EN["address"]].get_body(("html",)).get_content()
    assert "&lt;script&gt;" in html and "<script>" not in html  # the brief's text is escaped


def test_english_reader_gets_a_pdf_with_english_labels(runner, tmp_path, smtp_server):
    pytest.importorskip("briefgen.render.pdf_writer")
    pypdf = pytest.importorskip("pypdf")
    import io

    pack = build_pack(tmp_path, formats=("json", "pdf"))
    wants_pdf = [{**r, "formats": ["pdf"]} for r in (RU, EN)]
    config = write_config(tmp_path / "briefgen.yaml", smtp_server.port, recipients=wants_pdf)
    assert send(runner, pack, config, "--yes").exit_code == 0

    def pdf_text(message):
        (data,) = [v for k, v in attachments(message).items() if k.endswith(".pdf")]
        return " ".join(" ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages).split())

    by_address = {a.rcpt_tos[0]: a.message for a in smtp_server.handler.arrived}
    ru, en = pdf_text(by_address[RU["address"]]), pdf_text(by_address[EN["address"]])
    pairs = _label_pairs()
    shown = [(r, e) for r, e in pairs if r in ru] if pairs else [("Участники", "Participants")]
    assert shown, "no label of templates/labels/ru.yaml found in the Russian PDF"
    for ru_label, en_label in shown:
        assert ru_label not in en and en_label in en


def _label_pairs() -> list[tuple[str, str]]:
    """(Russian, English) label pairs from the render catalogue, when it exists: distinctive words only."""
    import yaml

    from briefgen.render.paths import TEMPLATES_DIR

    root = TEMPLATES_DIR / "labels"
    if not (root / "ru.yaml").exists() or not (root / "en.yaml").exists():
        return []

    def flat(data, prefix=""):
        if isinstance(data, dict):
            for k, v in data.items():
                yield from flat(v, f"{prefix}.{k}")
        elif isinstance(data, str) and "{" not in data:
            yield prefix, " ".join(data.split())

    ru = dict(flat(yaml.safe_load((root / "ru.yaml").read_text(encoding="utf-8"))))
    en = dict(flat(yaml.safe_load((root / "en.yaml").read_text(encoding="utf-8"))))
    once = {label for label in ru.values() if list(ru.values()).count(label) == 1}  # "Содержание" is two labels
    return [(ru[k], en[k]) for k in ru.keys() & en.keys()
            if len(ru[k]) >= 5 and ru[k] != en[k] and ru[k] in once and any("а" <= ch.lower() <= "я" for ch in ru[k])]


def test_dry_run_eml_files_parse_back_into_the_same_message(runner, tmp_path, pack, config, smtp_server, monkeypatch):
    monkeypatch.chdir(tmp_path)  # config found as ./briefgen.yaml
    result = runner.invoke(main, ["send", str(pack), "--to", "desk", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert smtp_server.handler.arrived == [] and log_lines(pack) == []
    emls = sorted((pack / "outbox").glob("*.eml"))
    assert [p.name for p in emls] == sorted([f"{RU['address']}.eml", f"{EN['address']}.eml"])
    ru, en = (email.message_from_bytes((pack / "outbox" / f"{r['address']}.eml").read_bytes(), policy=default_policy)
              for r in (RU, EN))
    assert [a.addr_spec for a in ru["To"].addresses] == [RU["address"]]
    assert [a.addr_spec for a in en["To"].addresses] == [EN["address"]]
    assert ru["Subject"] == f"[{MARKING}] Брифинг: {EVENT}, 7 марта 2025 г."
    assert en["Subject"].startswith(f"[{MARKING}] Briefing: ")
    assert attachments(ru) == {"Брифинг (данные) 2025-03-07 сводка_1.json": (pack / "brief.json").read_bytes(),
                               "manifest.json": (pack / "manifest.json").read_bytes()}


def test_without_a_terminal_send_asks_for_yes_and_sends_nothing(runner, pack, config, smtp_server):
    result = send(runner, pack, config)
    assert result.exit_code == 1 and "--yes" in result.stderr
    assert smtp_server.handler.arrived == [] and log_lines(pack) == []


@pytest.mark.parametrize("answer, arrived", [("n\n", 0), ("y\n", 2)])
def test_at_a_terminal_send_asks_first(runner, pack, config, smtp_server, monkeypatch, answer, arrived):
    monkeypatch.setattr("briefgen.cli._interactive", lambda: True)
    result = runner.invoke(main, ["send", str(pack), "--to", "desk", "--config", str(config)], input=answer)
    assert "Send 2 message(s): 1 pack(s) to 2 recipient(s) of desk" in result.output
    assert f"to send: {pack} -> John Smith <{EN['address']}> (en/brief.json)" in result.output
    assert result.exit_code == (0 if arrived else 1)
    assert len(smtp_server.handler.arrived) == len(log_lines(pack)) == arrived


def test_a_file_changed_after_the_build_is_not_sent(runner, pack, config, smtp_server):
    (pack / "brief.json").write_text("{}", encoding="utf-8")
    result = send(runner, pack, config, "--yes")
    assert result.exit_code == 1 and "changed since the pack was built" in result.stderr
    assert smtp_server.handler.arrived == []


def test_outputs_star_passes_over_the_log_and_sends_every_pack(runner, tmp_path, config, smtp_server):
    one = build_pack(tmp_path)
    (one.parent / "sent.jsonl").write_text("")
    result = runner.invoke(main, ["send", *map(str, one.parent.iterdir()), "--to", "desk", "--config", str(config),
                                  "--yes"])
    assert result.exit_code == 0, result.output
    assert len(smtp_server.handler.arrived) == 2


def test_packs_of_one_outputs_directory_share_one_log_however_spelled(runner, tmp_path, config, smtp_server,
                                                                    monkeypatch):
    one, two = build_pack(tmp_path), build_pack(tmp_path, name="сводка_2.txt")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["send", f"outputs/{one.name}", str(two), str(one), "--to", "desk",
                                  "--config", str(config), "--yes"])
    assert result.exit_code == 0, result.output
    assert len(smtp_server.handler.arrived) == 4
    assert sorted(e["pack"] for e in log_lines(one)) == sorted([one.name, one.name, two.name, two.name])


def test_a_recipient_wanting_a_format_the_pack_lacks_stops_before_sending(runner, tmp_path, pack, smtp_server):
    config = write_config(tmp_path / "briefgen.yaml", smtp_server.port, recipients=(RU, {**EN, "formats": ["docx"]}))
    result = send(runner, pack, config, "--yes")
    assert result.exit_code == 1 and "has no brief.docx" in result.stderr
    assert smtp_server.handler.arrived == []


@pytest.mark.parametrize("args, message", [
    (["--send", "nosuch", "--yes"], "no list named 'nosuch'"),
    (["--send", "desk"], "--yes"),
])
def test_build_send_checks_list_and_confirmation_before_building(runner, tmp_path, config, seed_path, args, message):
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(seed_path), "-o", str(out), "--config", str(config), *args])
    assert result.exit_code == 1 and message in result.stderr
    assert not out.exists()


def test_build_then_send(runner, tmp_path, seed_path, smtp_server):
    for writer in ("docx_writer", "pdf_writer", "factsheet_writer"):
        pytest.importorskip(f"briefgen.render.{writer}")
    recipients = [{**RU, "formats": ["pdf", "docx", "factsheet"]}]
    config = write_config(tmp_path / "briefgen.yaml", smtp_server.port, recipients=recipients)
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(seed_path), "-o", str(out), "--send", "desk", "--yes",
                                  "--config", str(config)])
    assert result.exit_code == 0, result.output
    pack = out / seed_path.stem
    (arrived,) = smtp_server.handler.arrived
    sent = attachments(arrived.message)
    assert sorted(sent.values(), key=len) == sorted(
        [(pack / n).read_bytes() for n in ("brief.pdf", "brief.docx", "factsheet.pdf", "manifest.json")], key=len)


def _message_ids(server) -> list[str]:
    return [str(a.message["Message-ID"]) for a in server.handler.arrived]


def test_an_unexpected_error_while_sending_is_one_line_naming_it(runner, pack, config, smtp_server, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the composer broke")

    monkeypatch.setattr("briefgen.distribute.message.compose", broken)
    result = send(runner, pack, config, "--yes")
    assert result.exit_code == 1
    assert result.stderr == "briefgen: internal error: RuntimeError: the composer broke\n"


def test_a_full_disk_after_the_server_took_the_message_never_leads_to_a_second_copy(runner, pack, config,
                                                                                   smtp_server, monkeypatch):
    from briefgen.distribute.sendlog import SendLog

    real = SendLog.append

    def full_after_sending(self, record, result, detail=None):
        if result == "sent":
            raise OSError(28, "No space left on device")
        return real(self, record, result, detail)

    monkeypatch.setattr(SendLog, "append", full_after_sending)
    result = send(runner, pack, config, "--yes")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "cannot write the send log (No space left on device)" in result.stderr
    assert "but not logged: the next run counts it as uncertain" in result.stderr
    assert len(smtp_server.handler.arrived) == 1
    monkeypatch.undo()
    again = send(runner, pack, config, "--yes")
    assert again.exit_code == 0, again.output
    assert "may have arrived" in again.output and "1 sent, 1 skipped" in again.output
    assert sorted(a.rcpt_tos[0] for a in smtp_server.handler.arrived) == sorted([RU["address"], EN["address"]])


def test_a_full_disk_before_the_first_message_sends_nothing(runner, pack, config, smtp_server, monkeypatch):
    def full(self, record, result, detail=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("briefgen.distribute.sendlog.SendLog.append", full)
    result = send(runner, pack, config, "--yes")
    assert result.exit_code == 1 and "not sent, nor anything after it" in result.stderr
    assert smtp_server.handler.arrived == []


def test_a_connection_lost_after_handing_over_is_uncertain_listed_and_not_resent(runner, pack, config, smtp_server):
    smtp_server.handler.drop.add(RU["address"])
    result = send(runner, pack, config, "--yes")
    assert result.exit_code == 1
    assert "1 sent, 0 skipped, 1 uncertain" in result.stdout
    last = result.stderr.splitlines()[-2:]
    assert last[0].startswith(f"briefgen: uncertain: {pack} -> {RU['address']}: connection lost after the message")
    assert last[1] == "briefgen: 1 message(s) may or may not have arrived: not sent again without --force"
    assert [e["result"] for e in log_lines(pack) if e["recipient"] == RU["address"]] == ["uncertain"]
    assert len(smtp_server.handler.arrived) == 2  # the server had it

    smtp_server.handler.drop.clear()
    again = send(runner, pack, config, "--yes")
    assert again.exit_code == 0 and "0 sent, 2 skipped" in again.output and "may have arrived" in again.output
    assert len(smtp_server.handler.arrived) == 2
    forced = send(runner, pack, config, "--yes", "--force")
    assert forced.exit_code == 0
    ids = _message_ids(smtp_server)
    assert ids[0] == ids[2]  # the uncertain one again, as the same message: a receiver can drop the copy
    assert ids[1] != ids[3]  # a delivered one sent again on purpose is a new message


def test_message_ids_follow_the_manifest_the_reader_and_the_send_number(runner, tmp_path, pack, smtp_server):
    config = write_config(tmp_path / "briefgen.yaml", smtp_server.port, recipients=(RU,))
    smtp_server.handler.reject[RU["address"]] = "550 5.1.1 Mailbox full"
    assert send(runner, pack, config, "--yes").exit_code == 1
    refused_id = log_lines(pack)[0]["message_id"]
    smtp_server.handler.reject.clear()
    assert send(runner, pack, config, "--yes").exit_code == 0
    assert send(runner, pack, config, "--yes", "--force").exit_code == 0
    first, forced = _message_ids(smtp_server)
    assert first == refused_id and forced != first  # a retry keeps it; --force gets a new one
    other = tmp_path / "other"
    other.mkdir()
    copy = build_pack(other)  # the same files in another place: the same manifest, the same identity
    assert send(runner, copy, config, "--yes").exit_code == 0
    assert _message_ids(smtp_server)[2] == first


def test_a_correction_is_marked_threaded_and_says_what_changed(runner, tmp_path, pack, config, smtp_server):
    from briefgen.serialize import dump_json

    from .mailkit import make_brief

    assert send(runner, pack, config, "--yes").exit_code == 0
    first = {a.rcpt_tos[0]: a.message for a in smtp_server.handler.arrived}
    brief = make_brief()
    text = brief.source.text.replace("5 млрд", "7 млрд")
    figure = replace(brief.figures[0], text=text[brief.figures[0].start:brief.figures[0].end], value=7e9)
    corrected = replace(brief, source=replace(brief.source, text=text), figures=(figure,))
    (pack / "brief.json").write_text(dump_json(corrected), encoding="utf-8")
    from briefgen.pack.build import build_one
    from briefgen.render import RenderOptions

    assert build_one(pack / "brief.json", pack.parent, ["json"], RenderOptions(marking=MARKING)).error is None
    result = send(runner, pack, config, "--yes")
    assert result.exit_code == 0 and "2 sent" in result.output, result.output
    ru, en = ({a.rcpt_tos[0]: a.message for a in smtp_server.handler.arrived[2:]}[r["address"]] for r in (RU, EN))
    assert ru["Subject"] == f"[{MARKING}] Исправлено: Брифинг: {EVENT}, 7 марта 2025 г."
    assert en["Subject"] == f"[{MARKING}] Correction: Briefing: {EVENT}, 7 March 2025"
    assert ru["In-Reply-To"] == ru["References"] == first[RU["address"]]["Message-ID"]
    assert ru["Message-ID"] != first[RU["address"]]["Message-ID"]
    body = ru.get_body(("plain",)).get_content()
    assert "Что изменилось:" in body and "изменено: 5 млрд долларов → 7 млрд долларов" in body
    assert "changed: 5 млрд долларов → 7 млрд долларов" in en.get_body(("plain",)).get_content()
    assert "<s>5 млрд долларов</s> → 7 млрд долларов" in ru.get_body(("html",)).get_content()


def test_dry_run_files_open_as_unsent_drafts(runner, pack, config, smtp_server):
    assert send(runner, pack, config, "--dry-run").exit_code == 0
    eml = email.message_from_bytes((pack / "outbox" / f"{RU['address']}.eml").read_bytes(), policy=default_policy)
    assert eml["X-Unsent"] == "1"


def test_a_message_over_the_size_limit_stops_the_run_before_anything_is_sent(runner, tmp_path, smtp_server):
    from briefgen.pack.build import build_one
    from briefgen.render import RenderOptions
    from briefgen.serialize import dump_json

    from .mailkit import make_brief

    small = build_pack(tmp_path)
    brief = make_brief("большая.txt")
    src = tmp_path / "big.json"
    src.write_text(dump_json(replace(brief, source=replace(brief.source, text=brief.source.text + " слово" * 40_000))),
                   encoding="utf-8")
    large = build_one(src, tmp_path / "outputs", ["json"], RenderOptions()).outdir
    config = write_config(tmp_path / "briefgen.yaml", smtp_server.port, max_message_mb=0.2)
    result = runner.invoke(main, ["send", str(small), str(large), "--to", "desk", "--config", str(config), "--yes"])
    assert result.exit_code == 1 and smtp_server.handler.arrived == []
    assert result.stderr.startswith(f"briefgen: {large} -> {RU['address']}: the message is 0.6 MB (the limit is 0.2 MB")
