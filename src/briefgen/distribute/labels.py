"""Turn the shipped templates/email/ and the label catalogues into the e-mail templates and words of each language.

The words a message uses (subject prefix, headings, attachment names) live
under `email:` in the language's catalogue (`templates/labels/<lang>.yaml`),
next to the documents' labels and the date format both use; the layout lives
in Jinja2 templates. A language is supported when its catalogue exists.
"""
from __future__ import annotations

import functools
from typing import Any

from ..errors import ConfigError, RenderError
from ..render import catalogue
from ..render.paths import TEMPLATES_DIR

EMAIL_TEMPLATES = TEMPLATES_DIR / "email"


def languages() -> tuple[str, ...]:
    """The languages a recipient may read: those with a label catalogue (`render.catalogue`)."""
    return catalogue.languages()


def catalogue_of(lang: str) -> dict[str, Any]:
    """The whole label catalogue of one language: the e-mail's words are its `email` part."""
    from ..render import RenderOptions
    from ..render.compose import load_labels

    if lang not in languages():
        raise ConfigError(f"no labels for language {lang!r} (known: {', '.join(languages())})")
    return load_labels(RenderOptions(lang=lang))


def labels(lang: str) -> dict[str, Any]:
    """The words of the e-mail in one language."""
    words = catalogue_of(lang).get("email")
    if not isinstance(words, dict):
        raise RenderError(f"{catalogue.CATALOGUES / lang}.yaml: expected an `email:` mapping of labels")
    return words


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
        lineno, filename = getattr(e, "lineno", None), getattr(e, "filename", None)
        where = f"{filename or name}:{lineno}" if lineno else name
        raise RenderError(f"e-mail template {where}: {e.message or e}") from None
