"""The Makefile's cleaning target: generated outputs go, the record of what was sent stays."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_clean_keeps_the_send_log_and_its_lock(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path)
    out = tmp_path / "outputs"
    (out / "visit" / "en").mkdir(parents=True)
    for name in ("sent.jsonl", "sent.jsonl.lock", "bench.json", "visit/brief.json", ".visit.briefgen-tmp-1-abcdefgh"):
        (out / name).write_text("x")
    subprocess.run(["make", "-s", "clean"], cwd=tmp_path, check=True)
    assert sorted(p.name for p in out.iterdir()) == ["sent.jsonl", "sent.jsonl.lock"]
    subprocess.run(["make", "-s", "clean"], cwd=tmp_path, check=True)  # again, and with no outputs at all
    shutil.rmtree(out)
    subprocess.run(["make", "-s", "clean"], cwd=tmp_path, check=True)
