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
