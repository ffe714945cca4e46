"""Turn the shipped templates/email/ into the e-mail templates and the words of each language.

The words a message uses (subject prefix, headings, attachment names, month
names) live in `labels.<lang>.yaml`; the layout lives in Jinja2 templates. A
language is supported when its labels file exists.
"""
from __future__ import annotations

import functools
from typing import Any

from ..errors import ConfigError, RenderError
from ..render.paths import TEMPLATES_DIR

EMAIL_TEMPLATES = TEMPLATES_DIR / "email"


def languages() -> tuple[str, ...]:
    """The label languages there is a labels file for, e.g. ('en', 'ru')."""
    return tuple(sorted(p.name.split(".")[1] for p in EMAIL_TEMPLATES.glob("labels.*.yaml")))


@functools.cache
def labels(lang: str) -> dict[str, Any]:
    """The words of one language (cached per process)."""
    import yaml

    path = EMAIL_TEMPLATES / f"labels.{lang}.yaml"
    try:
        with path.open(encoding="utf-8") as f:
            data = yaml.safe_load(f)
    except FileNotFoundError:
        raise ConfigError(f"no e-mail labels for language {lang!r} ({path} is missing)") from None
    except yaml.YAMLError as e:
        raise RenderError(f"{path}: {' '.join(str(e).split())}") from None
    if not isinstance(data, dict):
        raise RenderError(f"{path}: expected a mapping of labels")
    return data


@functools.cache
def _environment(html: bool):
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(EMAIL_TEMPLATES),
        autoescape=html,  # the brief's text is data: never markup in the HTML body
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, context: dict[str, Any]) -> str:
    """Fill one template (`*.html.j2` escapes every value) with the context; RenderError names the template."""
    import jinja2

    try:
        return _environment(name.endswith(".html.j2")).get_template(name).render(context)
    except jinja2.TemplateError as e:
        where = f"{e.filename or name}:{e.lineno}" if getattr(e, "lineno", None) else name
        raise RenderError(f"e-mail template {where}: {e.message or e}") from None
