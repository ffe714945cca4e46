"""The send log: append-only lines; what reached a reader, or may have, counts; one run at a time."""
from __future__ import annotations

import json

import pytest

from briefgen.distribute.sendlog import FAILED, REFUSED, SENDING, SENT, UNCERTAIN, SendLog
from briefgen.errors import DeliveryError


def record(recipient="A@example.org", manifest="m1", message_id="<1@example.org>", pack="p"):
    return dict(pack=pack, manifest=manifest, recipient=recipient, lang="ru", files=["brief.pdf"],
                message_id=message_id, items={"figures": ["1,5 млрд"]})


def written(log_path, *steps):
    """A log holding these (record, result) steps, as a run would leave it."""
    log = SendLog(log_path)
    log.lock()
    for rec, result in steps:
        log.append(rec, result)
    log.close()
    return SendLog(log_path)


def test_sent_entries_count_and_refusals_do_not(tmp_path):
    a, b = record(), record(recipient="b@example.org", message_id="<2@example.org>")
    log = written(tmp_path / "sent.jsonl", (a, SENDING), (a, SENT), (b, SENDING), (b, REFUSED))
    assert log.last("p", "a@EXAMPLE.org")["message_id"] == "<1@example.org>"
    assert log.last("p", "b@example.org") is None and log.last("q", "a@example.org") is None
    assert (log.sends("m1", "a@example.org"), log.sends("m1", "b@example.org")) == (1, 0)
    lines = [json.loads(x) for x in (tmp_path / "sent.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["result"] for x in lines] == [SENDING, SENT, SENDING, REFUSED]
    assert set(lines[1]) == {"time", "pack", "manifest", "recipient", "lang", "files", "message_id", "items", "result"}


@pytest.mark.parametrize(("steps", "last"), [
    ([SENDING], UNCERTAIN),  # handed over (or about to be), then a crash or a full disk: it may have arrived
    ([SENDING, UNCERTAIN], UNCERTAIN),
    ([SENDING, FAILED], None),  # the server never took it
    ([SENDING, REFUSED, SENDING], UNCERTAIN),  # a retry of the same message that was never settled
    ([SENDING, SENT, SENDING, FAILED], SENT),
])
def test_a_message_that_may_have_arrived_counts_as_uncertain(tmp_path, steps, last):
    log = written(tmp_path / "sent.jsonl", *[(record(), step) for step in steps])
    found = log.last("p", "a@example.org")
    assert (found and found["result"]) == last


def test_a_line_cut_short_is_passed_over_and_the_next_starts_fresh(tmp_path):
    path = tmp_path / "sent.jsonl"
    path.write_text(json.dumps({**record(), "result": SENT}) + "\n" + '{"time": "2025-01-01", "pack": "p", "manif',
                    encoding="utf-8")
    log = SendLog(path)
    assert log.last("p", "a@example.org") is not None
    log.lock()
    log.append(record(manifest="m2", message_id="<2@example.org>"), SENT)
    log.close()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and json.loads(lines[2])["manifest"] == "m2"


def test_a_line_the_disk_refused_leaves_the_next_on_a_line_of_its_own(tmp_path):
    path = tmp_path / "sent.jsonl"
    log = SendLog(path)
    log.lock()
    log.append(record(), SENDING)
    real = log._file

    class FullDisk:
        """The log file on a disk that takes ten bytes of the line, then is full."""

        def write(self, data):
            real.write(bytes(data[:10]))
            raise OSError(28, "No space left on device")

    log._file = FullDisk()
    with pytest.raises(OSError):
        log.append(record(), SENT)
    log._file = real
    log.append(record(message_id="<2@example.org>"), SENDING)
    log.close()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(lines[0])["result"], json.loads(lines[2])["result"]] == [SENDING, SENDING]
    assert SendLog(path).last("p", "a@example.org")["result"] == UNCERTAIN


def test_a_run_that_sends_nothing_leaves_no_log(tmp_path):
    log = SendLog(tmp_path / "sent.jsonl")
    log.lock()
    log.close()
    assert not (tmp_path / "sent.jsonl").exists()


def test_two_runs_cannot_hold_the_same_log(tmp_path):
    first, second = SendLog(tmp_path / "sent.jsonl"), SendLog(tmp_path / "sent.jsonl")
    first.lock()
    try:
        with pytest.raises(DeliveryError, match="another briefgen send is running"):
            second.lock()
    finally:
        first.close()
    second.lock()  # free again
    second.close()
    assert (tmp_path / "sent.jsonl.lock").exists()  # the lock stays beside its log
