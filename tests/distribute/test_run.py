"""`briefgen send` and `build --send` through CliRunner against a real SMTP server on 127.0.0.1."""
from __future__ import annotations

import email
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
    assert files == {"Брифинг (данные) 2025-03-07.json": (pack / "brief.json").read_bytes(),
                     "manifest.json": (pack / "manifest.json").read_bytes()}

    en = arrived[EN["address"]].message
    assert en["Subject"] == f"[{MARKING}] Briefing: {EVENT}, 7 March 2025"
    assert attachments(en) == {"Brief (data) 2025-03-07.json": (pack / "en" / "brief.json").read_bytes(),
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


def test_a_rebuilt_pack_with_other_files_is_sent_again(runner, tmp_path, config, smtp_server):
    first = build_pack(tmp_path, marking=None)
    assert send(runner, first, config, "--yes").exit_code == 0
    rebuilt = build_pack(tmp_path, marking=MARKING)  # same place, another manifest
    result = send(runner, rebuilt, config, "--yes")
    assert result.exit_code == 0 and "2 sent" in result.output
    assert len({e["manifest"] for e in log_lines(rebuilt)}) == 2


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
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[2] / "templates" / "labels"
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
    assert attachments(ru) == {"Брифинг (данные) 2025-03-07.json": (pack / "brief.json").read_bytes(),
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
