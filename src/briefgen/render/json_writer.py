"""Turn a Brief into its versioned JSON file."""
from __future__ import annotations

from ..model import Brief
from ..serialize import dump_json
from . import RenderOptions


def write(brief: Brief, options: RenderOptions) -> bytes:
    """The brief's JSON form as UTF-8 bytes."""
    return dump_json(brief).encode("utf-8")
