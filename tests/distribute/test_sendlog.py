"""The send log: append-only lines, 'sent' only counts, survives a cut-short line, one run at a time."""
from __future__ import annotations

import json

import pytest

from briefgen.distribute.sendlog import REFUSED, SENT, SendLog
from briefgen.errors import DeliveryError


def entry(result, recipient="A@example.org", manifest="m1"):
    return dict(pack="p", manifest=manifest, recipient=recipient, lang="ru", files=["brief.pdf"],
                message_id="<1@example.org>", result=result)


def test_sent_entries_count_and_refusals_do_not(tmp_path):
    log = SendLog(tmp_path / "sent.jsonl")
    log.lock()
    log.append(**entry(SENT))
    log.append(**entry(REFUSED, recipient="b@example.org"), detail="550 no such user")
    log.close()
    again = SendLog(tmp_path / "sent.jsonl")
    assert again.sent_before("m1", "a@EXAMPLE.org")["message_id"] == "<1@example.org>"
    assert again.sent_before("m1", "b@example.org") is None and again.sent_before("m2", "a@example.org") is None
    lines = [json.loads(x) for x in (tmp_path / "sent.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["result"] for x in lines] == [SENT, REFUSED] and lines[1]["detail"] == "550 no such user"
    assert set(lines[0]) == {"time", "pack", "manifest", "recipient", "lang", "files", "message_id", "result"}


def test_a_line_cut_short_is_passed_over_and_the_next_starts_fresh(tmp_path):
    path = tmp_path / "sent.jsonl"
    path.write_text(json.dumps(entry(SENT)) + "\n" + '{"time": "2025-01-01", "pack": "p", "manif', encoding="utf-8")
    log = SendLog(path)
    assert log.sent_before("m1", "a@example.org") is not None
    log.lock()
    log.append(**entry(SENT, manifest="m2"))
    log.close()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and json.loads(lines[2])["manifest"] == "m2"


def test_a_run_that_sends_nothing_leaves_no_log(tmp_path):
    log = SendLog(tmp_path / "sent.jsonl")
    log.lock()
    log.close()
    assert not (tmp_path / "sent.jsonl").exists()


def test_two_runs_cannot_hold_the_same_log(tmp_path):
    pytest.importorskip("fcntl")
    first, second = SendLog(tmp_path / "sent.jsonl"), SendLog(tmp_path / "sent.jsonl")
    first.lock()
    try:
        with pytest.raises(DeliveryError, match="another briefgen send is running"):
            second.lock()
    finally:
        first.close()
    second.lock()  # free again
    second.close()
