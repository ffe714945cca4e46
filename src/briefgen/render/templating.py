"""Turn a template and its context into markup text, in Jinja2's sandbox.

Every template (shipped or a user's `--template-dir` copy) runs in the immutable
sandbox with autoescaping on, so neither a brief's text nor a template can reach
Python objects or inject markup. Errors name the template file and line.
"""
from __future__ import annotations

import functools
import traceback
from pathlib import Path
from typing import Any

from ..errors import RenderError
from .paths import TEMPLATES_DIR


@functools.cache
def _environment(search: tuple[str, ...]) -> Any:
    from jinja2 import FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from ..cache import cache_dir

    where = cache_dir()
    bytecode = None
    if where is not None:
        (where / "jinja").mkdir(exist_ok=True)
        bytecode = FileSystemBytecodeCache(str(where / "jinja"))  # keyed by template name and source checksum
    return ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(list(search)),
        bytecode_cache=bytecode,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        auto_reload=False,
    )


def render(name: str, context: dict[str, Any], template_dir: Path | None = None) -> str:
    """The markup `name` renders to; the user's template dir is searched first, then the shipped one."""
    import jinja2

    search = tuple(str(d) for d in (template_dir, TEMPLATES_DIR) if d is not None)
    env = _environment(search)
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound as e:
        raise RenderError(f"template {e.name!r} not found in {', '.join(search)}") from None
    except jinja2.TemplateSyntaxError as e:
        raise RenderError(f"{e.filename or e.name}:{e.lineno}: {e.message}") from None
    except RenderError:
        raise
    except Exception as e:  # noqa: BLE001 — any failure inside a template is the template's error
        where = _template_frame(e) or name
        raise RenderError(f"{where}: {type(e).__name__}: {' '.join(str(e).split())}") from None


def _template_frame(exc: BaseException) -> str | None:
    """"file:line" of the innermost template frame (Jinja rewrites tracebacks to template lines)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".j2", ".jinja", ".html", ".xml"))]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None
