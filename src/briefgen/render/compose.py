"""Turn a brief into a block tree: theme and labels → context → template → markup → tree.

Every writer starts here, so a template change reaches DOCX and PDF alike; what
follows is format only.
"""
from __future__ import annotations

import functools
from typing import Any, cast

from ..errors import RenderError
from ..model import Brief
from . import RenderOptions, compositions
from .compositions import Composition
from .context import build_context
from .markup import parse
from .paths import find, load_yaml
from .templating import render
from .theme import Theme, load_theme


def load_labels(options: RenderOptions) -> dict[str, Any]:
    """The message catalogue of the label language (`labels/<lang>.yaml`)."""
    path = find(f"labels/{options.lang}.yaml", options.template_dir)
    labels = load_yaml(path)
    if not isinstance(labels, dict):
        raise RenderError(f"{path}: a message catalogue must be a mapping of keys to labels")
    return cast(dict[str, Any], labels)


def compose(brief: Brief, options: RenderOptions, template: str) -> Composition:
    """The block tree `template` makes of `brief`, and the theme to draw it with.

    The last few results are kept (`compositions`), so the DOCX and PDF writers of one pack share one composition.
    """
    made_of = compositions.key(brief, options, template)
    made = compositions.recall(made_of)
    if made is None:
        options = made_of[1]
        context, theme = _context(brief, options, made_of[3])
        made = parse(render(template, context, options.template_dir), template), theme
        compositions.adopt({made_of: made})
    return made


@functools.lru_cache(maxsize=2)
def _context(brief: Brief, options: RenderOptions, _epoch: str) -> tuple[dict[str, Any], Theme]:
    """The template context and theme, made once for every template of a pack (the sandbox lets no template change it)."""
    theme = load_theme(options)
    return build_context(brief, load_labels(options), theme, options.lang or "ru", options.prepared), theme
