"""Fixtures: a real SMTP server (aiosmtpd) on 127.0.0.1 in the test process, a pack, a distribution file."""
from __future__ import annotations

from pathlib import Path

import pytest

from .mailkit import build_pack, start_server, write_config


@pytest.fixture
def smtp_server():
    """A running SMTP server on 127.0.0.1 that records every message it accepts."""
    server, controller = start_server()
    yield server
    controller.stop()


@pytest.fixture
def pack(tmp_path) -> Path:
    """A pack (brief.json + manifest.json) built with a handling marking."""
    return build_pack(tmp_path)


@pytest.fixture
def config(tmp_path, smtp_server) -> Path:
    """A distribution file whose list 'desk' has a Russian and an English reader, for `smtp_server`."""
    return write_config(tmp_path / "briefgen.yaml", smtp_server.port)
