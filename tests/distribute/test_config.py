"""The distribution file: defaults, and every wrong field named with its path."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefgen.distribute.config import load_config
from briefgen.errors import ConfigError

GOOD = {
    "smtp": {"host": "mail.example.org", "security": "ssl", "user": "briefgen", "sender": "Бриф <briefs@example.org>"},
    "lists": {
        "desk": [
            {"name": "Ирина Петрова", "address": "i.petrova@example.org"},
            {"name": "John Smith", "address": "j.smith@example.org", "language": "en", "formats": ["pdf", "docx"]},
        ],
        "heads": [{"name": "И. Петрова", "address": "I.Petrova@example.org", "formats": "factsheet"}],
    },
}


def write(tmp_path, data):
    path = tmp_path / "dist.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_defaults_and_values(tmp_path):
    d = load_config(write(tmp_path, GOOD))
    assert (d.smtp.port, d.smtp.security, d.smtp.user) == (465, "ssl", "briefgen")
    assert (d.smtp.sender.display_name, d.smtp.sender.addr_spec) == ("Бриф", "briefs@example.org")
    assert (d.smtp.password_env, d.smtp.retries) == ("BRIEFGEN_SMTP_PASSWORD", 3)
    ru, en = d.lists["desk"]
    assert (ru.language, ru.formats) == ("ru", ("pdf",))
    assert (en.language, en.formats) == ("en", ("pdf", "docx"))
    assert d.lists["heads"][0].formats == ("factsheet",)


@pytest.mark.parametrize("security, port", [("ssl", 465), ("starttls", 587), ("none", 25)])
def test_port_follows_security(tmp_path, security, port):
    data = {**GOOD, "smtp": {**GOOD["smtp"], "security": security}}
    assert load_config(write(tmp_path, data)).smtp.port == port


def test_recipients_of_several_lists_each_address_once(tmp_path):
    d = load_config(write(tmp_path, GOOD))
    assert [r.address for r in d.recipients(["desk", "heads"])] == ["i.petrova@example.org", "j.smith@example.org"]
    with pytest.raises(ConfigError, match=r"no list named 'nosuch' \(lists: desk, heads\)"):
        d.recipients(["nosuch"])


def _with(path: str, value):
    """GOOD with the field at a dotted path (list items by index) set to value (None: removed)."""
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    *parents, last = [int(k) if k.isdigit() else k for k in path.split(".")]
    node = data
    for key in parents:
        node = node[key]
    if value is None:
        del node[last]
    else:
        node[last] = value
    return data


@pytest.mark.parametrize("data, message", [
    (_with("smtp.password", "secret"), "smtp.password: never kept in a file"),
    (_with("smtp.host", None), "smtp.host: missing"),
    (_with("smtp.hots", "x"), "smtp.hots: unknown setting"),
    (_with("smtp.security", "tls"), "smtp.security: expected one of ssl, starttls, none, got 'tls'"),
    (_with("smtp.port", "25"), "smtp.port: expected a whole number"),
    (_with("smtp.retries", -1), "smtp.retries: expected a whole number ≥ 0"),
    (_with("smtp.sender", "briefs"), "smtp.sender: not an e-mail address"),
    (_with("smtp.user", "a\nb"), "smtp.user: expected a one-line text without control characters"),
    (_with("lists.desk.0.name", "Ирина\x00Петрова"), "lists.desk[0].name: expected a one-line text without control"),
    (_with("lists.desk.0.name", "Ирина\x1b[31m"), "lists.desk[0].name: expected a one-line text without control"),
    (_with("smtp.sender", "Бриф <a@example.org>, Другой <b@example.org>"), "smtp.sender: expected one address, got 2"),
    (_with("smtp.max_message_mb", 0), "smtp.max_message_mb: expected a number ≥ 0.1"),
    (_with("lists.desk.1.language", "fr"), "lists.desk[1].language: expected one of ru, en, got 'fr'"),
    (_with("lists.desk.1.formats", ["odt"]), "lists.desk[1].formats: expected a list of: json, docx, pdf, factsheet"),
    (_with("lists.desk.0.address", "Ирина <i@example.org>"), "lists.desk[0].address: not an e-mail address"),
    (_with("lists.desk.0.name", None), "lists.desk[0].name: missing"),
    (_with("lists.desk", []), "lists.desk: expected a list of recipients"),
    (_with("lists", {}), "lists: expected at least one named list"),
    (["not", "a", "mapping"], "(top): expected a mapping"),
])
def test_errors_name_the_field(tmp_path, data, message):
    with pytest.raises(ConfigError) as e:
        load_config(write(tmp_path, data))
    assert message in str(e.value) and "\n" not in str(e.value)


def test_missing_and_unparsable_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=r"briefgen.yaml: no such distribution file \(pass --config FILE\)"):
        load_config(None)
    bad = tmp_path / "bad.yaml"
    bad.write_text("smtp: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.yaml: not valid YAML"):
        load_config(bad)


def test_the_readme_example_is_a_valid_distribution_file(tmp_path):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Sending packs", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    d = load_config(write(tmp_path, yaml.safe_load(example)))
    assert d.smtp.password_env == "BRIEFGEN_SMTP_PASSWORD" and d.smtp.sender.addr_spec == "briefgen@example.org"
    assert [r.language for r in d.recipients(["desk-central-asia", "heads-of-mission"])] == ["ru", "en", "ru"]
