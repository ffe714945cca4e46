"""Delivery over a real SMTP server on 127.0.0.1: retries with backoff, refusals, a server that is down."""
from __future__ import annotations

from email.message import EmailMessage

import pytest

from briefgen.distribute.config import load_config
from briefgen.distribute.smtp import Mailer, Refused
from briefgen.errors import DeliveryError

from .mailkit import free_port, start_server, write_config


def settings(tmp_path, port, **smtp):
    return load_config(write_config(tmp_path / "c.yaml", port, **smtp)).smtp


def message(to="a@example.org"):
    msg = EmailMessage()
    msg["Subject"], msg["From"], msg["To"] = "test", "briefs@example.org", to
    msg.set_content("hello")
    return msg


def test_transient_refusals_are_retried_with_doubling_delays(tmp_path, smtp_server):
    smtp_server.handler.defer["a@example.org"] = 2
    delays = []
    with Mailer(settings(tmp_path, smtp_server.port, retries=3, retry_delay=0.5), None, sleep=delays.append) as m:
        m.send(message(), "a@example.org")
    assert delays == [0.5, 1.0] and len(smtp_server.handler.arrived) == 1


def test_retries_are_bounded(tmp_path, smtp_server):
    smtp_server.handler.defer["a@example.org"] = 99
    delays = []
    with Mailer(settings(tmp_path, smtp_server.port, retries=2, retry_delay=1), None, sleep=delays.append) as m:
        with pytest.raises(Refused, match=r"451 4.3.0 .* \(tried 3 times\)"):
            m.send(message(), "a@example.org")
        m.send(message("b@example.org"), "b@example.org")  # the connection is still good for others
    assert delays == [1, 2] and [a.rcpt_tos for a in smtp_server.handler.arrived] == [["b@example.org"]]


def test_a_permanent_refusal_is_not_retried(tmp_path, smtp_server):
    smtp_server.handler.reject["a@example.org"] = "550 5.1.1 No such user"
    delays = []
    with (
        Mailer(settings(tmp_path, smtp_server.port), None, sleep=delays.append) as m,
        pytest.raises(Refused, match="recipient refused: 550 5.1.1 No such user$"),
    ):
        m.send(message(), "a@example.org")
    assert delays == []


def test_a_server_that_is_down_is_tried_a_bounded_number_of_times(tmp_path):
    delays = []
    port = free_port()
    with (
        pytest.raises(DeliveryError, match=rf"SMTP server 127.0.0.1:{port}: .*refused.* \(tried 3 times\)"),
        Mailer(settings(tmp_path, port, retries=2, retry_delay=0), None, sleep=delays.append),
    ):
        pass
    assert len(delays) == 2


def test_login_with_the_password_given(tmp_path):
    from aiosmtpd.smtp import AuthResult

    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"s3cret", handled=False)

    server, controller = start_server(authenticator=authenticator, auth_require_tls=False)
    try:
        with Mailer(settings(tmp_path, server.port, user="briefgen"), "s3cret") as m:
            m.send(message(), "a@example.org")
    finally:
        controller.stop()
    assert logins == [(b"briefgen", b"s3cret")] and len(server.handler.arrived) == 1
