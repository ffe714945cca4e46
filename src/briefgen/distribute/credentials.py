"""Turn SMTP settings into the login password: from an environment variable, else the system keyring.

Never from a file. The keyring is optional: it is used when the `keyring`
package is installed (``pip install keyring``), and ignored otherwise.
"""
from __future__ import annotations

import importlib
import os

from ..errors import ConfigError
from .config import SmtpSettings


def password(settings: SmtpSettings) -> str | None:
    """The password for `settings.user` (None when the server needs no login)."""
    if not settings.user:
        return None
    found = os.environ.get(settings.password_env) or _from_keyring(settings.keyring_service, settings.user)
    if not found:
        raise ConfigError(
            f"no SMTP password for {settings.user}: set ${settings.password_env}"
            f" or store it with `keyring set {settings.keyring_service} {settings.user}`"
        )
    return found


def _from_keyring(service: str, user: str) -> str | None:
    try:  # an optional extra (`briefgen[keyring]`), so looked up by name
        keyring = importlib.import_module("keyring")
        errors = importlib.import_module("keyring.errors")
    except ImportError:
        return None
    try:
        return keyring.get_password(service, user)
    except errors.KeyringError:  # no usable backend on this machine: same as not stored
        return None
