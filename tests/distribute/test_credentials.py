"""The SMTP password: from the environment or the keyring, never from the file."""
from __future__ import annotations

import sys
from email.headerregistry import Address

import pytest

from briefgen.distribute.config import SmtpSettings
from briefgen.distribute.credentials import password
from briefgen.errors import ConfigError


def settings(user):
    return SmtpSettings("mail.example.org", 587, "starttls", Address(addr_spec="b@example.org"), user=user,
                        password_env="BRIEFGEN_TEST_PW")


def test_no_user_needs_no_password():
    assert password(settings(None)) is None


def test_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("BRIEFGEN_TEST_PW", "s3cret")
    assert password(settings("briefgen")) == "s3cret"


def test_no_password_anywhere_says_where_to_put_it(monkeypatch):
    monkeypatch.delenv("BRIEFGEN_TEST_PW", raising=False)
    monkeypatch.setitem(sys.modules, "keyring", None)  # as if keyring were not installed
    with pytest.raises(ConfigError, match=r"set \$BRIEFGEN_TEST_PW or store it with `keyring set briefgen briefgen`"):
        password(settings("briefgen"))
