"""Turn a distribution file (YAML) into named lists of recipients and SMTP settings, checking every field.

A wrong field is reported with its path (``lists.desk[1].language: expected
one of en, ru``). The password is never read from this file: see
`credentials`.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, fields
from email.errors import MessageError
from email.headerregistry import Address
from email.utils import getaddresses
from pathlib import Path
from typing import Any

from ..errors import ConfigError

DEFAULT_CONFIG = Path("briefgen.yaml")  # settings.CONFIG_NAME in the working directory
SECURITY_PORTS = {"ssl": 465, "starttls": 587, "none": 25}
DEFAULT_FORMATS = ("pdf",)
_REQUIRED = object()


@dataclass(frozen=True, slots=True)
class Recipient:
    """One reader: who, where, in which label language, and which files they want."""

    name: str
    address: str
    language: str
    formats: tuple[str, ...]

    @property
    def mailbox(self) -> Address:
        return Address(self.name, addr_spec=self.address)


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """How to reach the mail server; the password comes from the environment or the keyring."""

    host: str
    port: int
    security: str  # ssl | starttls | none
    sender: Address
    user: str | None = None
    password_env: str = "BRIEFGEN_SMTP_PASSWORD"
    keyring_service: str = "briefgen"
    timeout: float = 30.0
    retries: int = 3  # further attempts after a transient failure (4xx, dropped connection)
    retry_delay: float = 2.0  # seconds before the first retry; doubles for each next one
    max_message_mb: float = 20.0  # a larger message is refused before anything of the run is sent


@dataclass(frozen=True, slots=True)
class Distribution:
    """A parsed distribution file."""

    path: Path
    smtp: SmtpSettings
    lists: dict[str, tuple[Recipient, ...]]

    def recipients(self, names: Sequence[str]) -> tuple[Recipient, ...]:
        """The readers on the named lists, each address once (first entry wins)."""
        seen: dict[str, Recipient] = {}
        for name in names:
            if name not in self.lists:
                known = ", ".join(sorted(self.lists)) or "none"
                raise ConfigError(f"{self.path}: no list named {name!r} (lists: {known})")
            for r in self.lists[name]:
                seen.setdefault(r.address.lower(), r)
        return tuple(seen.values())


def load_config(path: Path | None) -> Distribution:
    """Read and check a distribution file (default: ./briefgen.yaml, else the user's; see `settings.config_file`).

    `lists:` may name a separate (private) file instead, holding `lists:`
    itself; a relative name is relative to the file that names it.
    """
    from ..settings import config_file, read_yaml

    path = config_file(path) or DEFAULT_CONFIG
    if not path.is_file() and path == DEFAULT_CONFIG:
        raise ConfigError(f"{path}: no such distribution file (pass --config FILE)")
    top = _Fields(path, "", read_yaml(path))
    top.check_keys(required={"smtp", "lists"}, optional={"defaults"})
    lists = top.child("lists") if not isinstance(top.data["lists"], str) else _private(path, top.data["lists"])
    return Distribution(path=path, smtp=_smtp(top.child("smtp")), lists=_lists(lists))


def _private(path: Path, name: str) -> _Fields:
    """The `lists:` of the separate file a distribution file names (relative to that file)."""
    from ..settings import read_yaml

    private = path.parent / Path(name).expanduser()
    f = _Fields(private, "", read_yaml(private))
    f.check_keys(required={"lists"}, optional=set())
    return f.child("lists")


def _smtp(f: _Fields) -> SmtpSettings:
    default = {field.name: field.default for field in fields(SmtpSettings)}
    if "password" in f.data:
        raise f.error("password", "never kept in a file: set the variable named by password_env, or use the keyring")
    f.check_keys(required={"host", "sender"}, optional={
        "port", "security", "user", "password_env", "keyring_service", "timeout", "retries", "retry_delay",
        "max_message_mb"})
    security = f.choice("security", tuple(SECURITY_PORTS), default="starttls")
    return SmtpSettings(
        host=f.text("host"),
        port=f.number("port", int, default=SECURITY_PORTS[security], low=1),
        security=security,
        sender=f.address("sender", named=True),
        user=f.text("user", default=None),
        password_env=f.text("password_env", default=default["password_env"]),
        keyring_service=f.text("keyring_service", default=default["keyring_service"]),
        timeout=f.number("timeout", float, default=default["timeout"], low=0.1),
        retries=f.number("retries", int, default=default["retries"], low=0),
        retry_delay=f.number("retry_delay", float, default=default["retry_delay"], low=0),
        max_message_mb=f.number("max_message_mb", float, default=default["max_message_mb"], low=0.1),
    )


def _lists(f: _Fields) -> dict[str, tuple[Recipient, ...]]:
    from ..render import FORMATS
    from ..render.catalogue import DEFAULT_LANGUAGE
    from .labels import languages

    if not isinstance(f.data, dict) or not f.data:
        raise f.error("", "expected at least one named list of recipients")
    lists = {}
    for name, entries in f.data.items():
        if not isinstance(entries, list) or not entries:
            raise f.error(str(name), "expected a list of recipients")
        recipients = []
        for i, entry in enumerate(entries):
            r = _Fields(f.file, f"{f.at(str(name))}[{i}]", entry)
            r.check_keys(required={"name", "address"}, optional={"language", "formats"})
            recipients.append(Recipient(
                name=r.text("name"),
                address=r.address("address", named=False).addr_spec,
                language=r.choice("language", languages(), default=DEFAULT_LANGUAGE),
                formats=r.choices("formats", tuple(FORMATS), default=DEFAULT_FORMATS),
            ))
        lists[str(name)] = tuple(recipients)
    return lists


class _Fields:
    """One mapping of the file, read field by field; errors name the file and the field's path."""

    def __init__(self, file: Path, path: str, data: Any) -> None:
        self.file, self.path, self.data = file, path, data
        if not isinstance(data, dict):
            raise self.error("", "expected a mapping")

    def at(self, key: str) -> str:
        return f"{self.path}.{key}".strip(".") if key else self.path or "(top)"

    def error(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.file}: {self.at(key)}: {message}")

    def child(self, key: str) -> _Fields:
        return _Fields(self.file, self.at(key), self.data[key])

    def check_keys(self, required: set[str], optional: set[str]) -> None:
        missing = sorted(required - set(self.data))
        if missing:
            raise self.error(missing[0], "missing")
        for key in self.data:
            if key not in required | optional:
                raise self.error(str(key), f"unknown setting (known: {', '.join(sorted(required | optional))})")

    def text(self, key: str, default: Any = _REQUIRED) -> Any:
        if key not in self.data and default is not _REQUIRED:
            return default
        value = self.data.get(key)
        if not isinstance(value, str) or not value.strip() or any(unicodedata.category(c) == "Cc" for c in value):
            raise self.error(key, "expected a one-line text without control characters")
        return value.strip()

    def number(self, key: str, kind: type, default: Any, low: float) -> Any:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float) if kind is float else int) or value < low:
            raise self.error(key, f"expected {'a whole ' if kind is int else 'a '}number ≥ {low}")
        return kind(value)

    def choice(self, key: str, allowed: Sequence[str], default: str) -> str:
        value = self.data.get(key, default)
        if value not in allowed:
            raise self.error(key, f"expected one of {', '.join(allowed)}, got {value!r}")
        return value

    def choices(self, key: str, allowed: Sequence[str], default: tuple[str, ...]) -> tuple[str, ...]:
        value = self.data.get(key, list(default))
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or any(v not in allowed for v in value):
            raise self.error(key, f"expected a list of: {', '.join(allowed)}")
        return tuple(dict.fromkeys(value))

    def address(self, key: str, named: bool) -> Address:
        """An e-mail address; with `named`, 'Display Name <addr>' is accepted too."""
        raw = self.text(key)
        found = getaddresses([raw]) if named else [("", raw)]
        if len(found) != 1:
            raise self.error(key, f"expected one address, got {len(found)}: {raw!r}")
        (display, spec), = found
        try:
            address = Address(display, addr_spec=spec)
        except (ValueError, IndexError, MessageError) as e:  # header defects are ValueErrors
            raise self.error(key, f"not an e-mail address: {raw!r} ({e})") from None
        if not address.username or not address.domain:
            raise self.error(key, f"not an e-mail address: {raw!r}")
        return address
