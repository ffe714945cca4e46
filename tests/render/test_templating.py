"""Templates run sandboxed; their errors name the template and line."""
from __future__ import annotations

import pytest

from briefgen.errors import RenderError
from briefgen.render.templating import render


def write(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_data_is_escaped_and_never_evaluated(tmp_path):
    d = write(tmp_path, "t.j2", "<p>{{ text }}</p>")
    out = render("t.j2", {"text": "<b>&{{ 7*7 }}{% if 1 %}x{% endif %}"}, d)
    assert out == "<p>&lt;b&gt;&amp;{{ 7*7 }}{% if 1 %}x{% endif %}</p>"


@pytest.mark.parametrize(
    "template, message",
    [
        ("<p>\n{{ ''.__class__.__mro__[1].__subclasses__() }}</p>", r"t\.j2:2: SecurityError"),
        ("<p>\n\n{{ missing.name }}</p>", r"t\.j2:3: UndefinedError"),
        ("<p>{% if %}</p>", r"t\.j2:1: "),
        ("{% include 'none.j2' %}", "not found"),
    ],
)
def test_template_errors_name_template_and_line(tmp_path, template, message):
    d = write(tmp_path, "t.j2", template)
    with pytest.raises(RenderError, match=message):
        render("t.j2", {}, d)


def test_user_dir_comes_first_then_the_shipped_templates(tmp_path):
    d = write(tmp_path, "t.j2", '{% import "_macros.j2" as m %}{{ m.link({"id": "p3", "label": "§3"}) }}')
    assert render("t.j2", {}, d) == '<a href="#p3">[§3]</a>'


def test_an_include_through_a_symlink_out_of_the_template_directory_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password=hunter2", encoding="utf-8")
    d = tmp_path / "templates"
    d.mkdir()
    (d / "leak.j2").symlink_to(secret)
    write(d, "t.j2", "{% include 'leak.j2' %}")
    with pytest.raises(RenderError, match=r"leak\.j2: a link to .*secret\.txt, outside the template directory: refused"):
        render("t.j2", {}, d)


def test_a_template_that_writes_without_end_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr("briefgen.render.templating.MAX_OUTPUT", 10_000)
    d = write(tmp_path, "t.j2", "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}")
    with pytest.raises(RenderError, match="the template wrote more than 10 000 characters: stopped"):
        render("t.j2", {}, d)


def test_a_template_that_runs_without_end_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr("briefgen.render.templating.MAX_SECONDS", 0.2)
    d = write(tmp_path, "t.j2", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    with pytest.raises(RenderError, match=r"the template ran longer than 0\.2 s: stopped"):
        render("t.j2", {}, d)
