"""Turn a template and its context into markup text, in Jinja2's sandbox.

Every template (shipped or a user's `--template-dir` copy) runs in the immutable
sandbox with autoescaping on, so neither a brief's text nor a template can reach
Python objects or inject markup. A template is read only from inside its
directory (a symlink out of it is refused), and a rendering that runs longer
than MAX_SECONDS or writes more than MAX_OUTPUT characters is stopped. Errors
name the template file and line.
"""
from __future__ import annotations

import functools
import math
import time
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import RenderError
from .paths import TEMPLATES_DIR

MAX_SECONDS = 60  # a brief at the size limits renders in a few seconds
MAX_OUTPUT = 50_000_000  # characters of markup: a brief at the size limits makes about a fifth of this


@functools.cache
def _environment(search: tuple[str, ...]) -> Any:
    from jinja2 import FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from ..cache import cache_dir

    class ContainedLoader(FileSystemLoader):
        """Reads a template only from a file inside the template directories: a symlink out of them is refused."""

        def get_source(self, environment: Any, template: str) -> Any:
            source, filename, uptodate = super().get_source(environment, template)
            real = Path(filename).resolve()
            if not any(real.is_relative_to(Path(d).resolve()) for d in self.searchpath):
                raise RenderError(f"{filename}: a link to {real}, outside the template directory: refused")
            return source, filename, uptodate

    class Sandbox(ImmutableSandboxedEnvironment):
        """The immutable sandbox with a deadline, checked on every attribute, item and call a template makes."""

        deadline = math.inf

        def check_time(self) -> None:
            if time.monotonic() > self.deadline:
                raise RenderError(f"the template ran longer than {MAX_SECONDS} s: stopped")

        def getattr(self, obj: Any, attribute: str) -> Any:
            self.check_time()
            return super().getattr(obj, attribute)

        def getitem(self, obj: Any, argument: Any) -> Any:
            self.check_time()
            return super().getitem(obj, argument)

        def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
            self.check_time()
            return super().call(context, obj, *args, **kwargs)

    where = cache_dir()
    bytecode = None
    if where is not None:
        (where / "jinja").mkdir(exist_ok=True)
        bytecode = FileSystemBytecodeCache(str(where / "jinja"))  # keyed by template name and source checksum
    return Sandbox(
        loader=ContainedLoader(list(search)),
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
        template = env.get_template(name)
        env.deadline = time.monotonic() + MAX_SECONDS
        return _bounded(template.generate(context), env)
    except jinja2.TemplateNotFound as e:
        raise RenderError(f"template {e.name!r} not found in {', '.join(search)}") from None
    except jinja2.TemplateSyntaxError as e:
        raise RenderError(f"{e.filename or e.name}:{e.lineno}: {e.message}") from None
    except RenderError:
        raise
    except Exception as e:
        where = _template_frame(e) or name
        raise RenderError(f"{where}: {type(e).__name__}: {' '.join(str(e).split())}") from None


def _bounded(chunks: Iterable[str], env: Any) -> str:
    """The template's output, stopped past MAX_OUTPUT characters or its deadline."""
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise RenderError(f"the template wrote more than {MAX_OUTPUT:,} characters: stopped".replace(",", " "))
        env.check_time()
        out.append(chunk)
    return "".join(out)


def _template_frame(exc: BaseException) -> str | None:
    """"file:line" of the innermost template frame (Jinja rewrites tracebacks to template lines)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".j2", ".jinja", ".html", ".xml"))]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None
