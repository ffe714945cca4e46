"""Turn messages into deliveries over one SMTP connection, retrying transient failures with backoff.

Failures come in three kinds: transient (4xx replies, a dropped or refused
connection), retried a bounded number of times with a doubling delay; a
refusal of one message or recipient (5xx to RCPT or DATA), raised as `Refused`
so the caller goes on with the others; and fatal ones (login or sender
refused, TLS failure, unknown host, or a server still unreachable after the
retries), raised as DeliveryError: sending stops. A connection lost after the
message was handed over (DATA) cannot tell whether it arrived: that is
`Uncertain`, never retried, so a reader never gets it twice.
"""
from __future__ import annotations

import contextlib
import smtplib
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from ..errors import DeliveryError
from .config import SmtpSettings


class Refused(Exception):
    """The server refused this message or its recipient (the others may still go)."""


class Uncertain(Exception):
    """The connection was lost after the message was handed over: it may or may not have arrived."""


class _Tracked(smtplib.SMTP):
    """Notes when a message's data starts on its way, after which a lost connection leaves its fate unknown."""

    handed_over = False

    def data(self, msg: bytes | str) -> tuple[int, bytes]:
        self.handed_over = True
        return super().data(msg)


class _SMTP(_Tracked):
    pass


class _SMTPSSL(_Tracked, smtplib.SMTP_SSL):
    pass


@dataclass(frozen=True, slots=True)
class _Failure:
    text: str
    transient: bool  # worth another attempt
    per_message: bool  # about this message or recipient, not the server
    lost: bool = False  # the connection is gone: open a new one


class Mailer:
    """One logged-in connection to the server, opened on entry and reopened when it drops."""

    def __init__(self, settings: SmtpSettings, password: str | None, sleep: Callable[[float], None] = time.sleep):
        self.settings, self._password, self._sleep = settings, password, sleep
        self._conn: _Tracked | None = None

    def __enter__(self) -> Mailer:
        self._retrying(lambda conn: None)  # connect and log in before anything is sent
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._conn is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                self._conn.quit()
            self._close()

    def send(self, msg: EmailMessage, to: str) -> None:
        """Deliver `msg` to the one address `to`; returns only when the server accepted it."""
        sender = self.settings.sender.addr_spec

        def deliver(conn: _Tracked) -> None:
            conn.handed_over = False
            try:
                conn.send_message(msg, from_addr=sender, to_addrs=[to])
            except smtplib.SMTPResponseException:
                raise  # the server answered: a refusal or a deferral, not an unknown
            except OSError as e:  # SMTPServerDisconnected, reset, timeout
                if not conn.handed_over:
                    raise
                self._close()
                raise Uncertain(f"connection lost after the message was handed over ({e or type(e).__name__})") from None

        self._retrying(deliver)

    def _retrying(self, action: Callable[[_Tracked], Any]) -> Any:
        s = self.settings
        for attempt in range(s.retries + 1):
            if attempt:
                self._sleep(s.retry_delay * 2 ** (attempt - 1))
            try:
                if self._conn is None:
                    self._conn = self._open()
                return action(self._conn)
            except (smtplib.SMTPException, OSError) as e:
                failure = _classify(e, s)
            if failure.lost:
                self._close()
            if not failure.transient:
                break
        tries = f" (tried {attempt + 1} times)" if attempt else ""
        if failure.per_message:
            raise Refused(failure.text + tries)
        raise DeliveryError(f"SMTP server {s.host}:{s.port}: {failure.text}{tries}")

    def _open(self) -> _SMTP | _SMTPSSL:
        s = self.settings
        context = ssl.create_default_context()
        if s.security == "ssl":
            conn = _SMTPSSL(s.host, s.port, timeout=s.timeout, context=context)
        else:
            conn = _SMTP(s.host, s.port, timeout=s.timeout)
        try:
            if s.security == "starttls":
                conn.starttls(context=context)
            if s.user:
                conn.login(s.user, self._password or "")
        except BaseException:
            conn.close()
            raise
        return conn

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None


def _reply(code: int, text: bytes | str) -> str:
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return " ".join(f"{code} {text}".split())


def _classify(e: BaseException, s: SmtpSettings) -> _Failure:
    """What a failure means: retry, skip this recipient, or stop."""
    if isinstance(e, smtplib.SMTPAuthenticationError):
        return _Failure(f"login refused for {s.user}: {_reply(e.smtp_code, e.smtp_error)}", False, False, lost=True)
    if isinstance(e, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(e.recipients.values()))
        return _Failure(f"recipient refused: {_reply(code, text)}", 400 <= code < 500, True)
    if isinstance(e, smtplib.SMTPSenderRefused):
        return _Failure(f"sender {e.sender} refused: {_reply(e.smtp_code, e.smtp_error)}", 400 <= e.smtp_code < 500, False)
    if isinstance(e, smtplib.SMTPDataError):
        return _Failure(f"message refused: {_reply(e.smtp_code, e.smtp_error)}", 400 <= e.smtp_code < 500, True)
    if isinstance(e, smtplib.SMTPServerDisconnected):
        return _Failure(f"connection lost: {e}", True, False, lost=True)
    if isinstance(e, smtplib.SMTPResponseException):  # greeting, EHLO, STARTTLS …: 421 means "try later"
        return _Failure(_reply(e.smtp_code, e.smtp_error), 400 <= e.smtp_code < 500, False, lost=True)
    if isinstance(e, smtplib.SMTPNotSupportedError):
        return _Failure(f"{e} (check smtp.security)", False, False, lost=True)
    if isinstance(e, ssl.SSLError):
        return _Failure(f"TLS failed: {e.reason or e}", False, False, lost=True)
    if isinstance(e, socket.gaierror):
        return _Failure(f"unknown host: {e.strerror or e}", False, False, lost=True)
    if isinstance(e, OSError):  # refused, reset, timed out: the server may be back in a moment
        return _Failure(f"cannot connect: {e.strerror or e}", True, False, lost=True)
    return _Failure(" ".join(str(e).split()) or type(e).__name__, False, False, lost=True)
