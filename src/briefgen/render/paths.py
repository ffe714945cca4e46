"""Find the shipped templates, labels, theme and fonts (package data, `briefgen/templates/`) and read them.

They lie beside the package's modules, in an installed wheel as in an editable
checkout; a user's `--template-dir` takes precedence file by file.
"""
from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

from .. import cache
from ..errors import RenderError

# A real path: jinja2 and reportlab open files by name (briefgen is never imported from a zip, so no
# importlib.resources, whose import is a good part of a cold start's).
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


def find(name: str, template_dir: Path | None = None) -> Path:
    """The file `name` (e.g. "labels/ru.yaml") from the user's template dir if it has one, else the shipped one."""
    if template_dir is not None and (template_dir / name).is_file():
        return template_dir / name
    path = TEMPLATES_DIR / name
    if not path.is_file():
        raise RenderError(f"{name}: not found in {TEMPLATES_DIR} (is the briefgen installation complete?)")
    return path


@functools.cache
def _yaml(path: Path, mtime_ns: int) -> Any:
    try:
        return cache.parsed_yaml(path.read_bytes())
    except OSError as e:
        raise RenderError(f"{path}: cannot read: {e.strerror or e}") from None
    except Exception as e:
        import yaml

        if isinstance(e, yaml.YAMLError):
            raise RenderError(f"{path}: not valid YAML: {' '.join(str(e).split())}") from None
        raise


def load_yaml(path: Path) -> Any:
    """A YAML data file's contents (cached per process while the file is unchanged)."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as e:
        raise RenderError(f"{path}: cannot read: {e.strerror or e}") from None
    return copy.deepcopy(_yaml(path, mtime))
