"""briefgen: turn a report of a meeting into a briefing pack (brief JSON, DOCX, PDF, fact sheet).

Public API: `read_source(path)`, `extract_brief(source)`; writers live behind
`briefgen.render.FORMATS`. Importing this package loads no language model.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
