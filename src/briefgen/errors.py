"""The errors briefgen raises on purpose; the CLI turns each into one line and an exit code."""
from __future__ import annotations


class BriefgenError(Exception):
    """A failure the user can act on; its message is one line, without a traceback."""


class SourceError(BriefgenError):
    """A source text that cannot be read as a report (missing, binary, empty, bad date marker)."""


class SourceWarning(UserWarning):
    """A source read with a repair the reader should know of (stray bytes replaced by U+FFFD)."""


class BriefFormatError(BriefgenError):
    """A brief file (JSON/YAML) that is malformed, of another schema version, or has wrong types."""


class UnknownFormat(BriefgenError):
    """An output format no writer is registered for."""


class RenderError(BriefgenError):
    """A template or writer failure, naming the template and line where known."""


class ConfigError(BriefgenError):
    """A distribution file (lists, recipients, SMTP settings) that is missing or wrong, naming the field."""


class PackError(BriefgenError):
    """A pack that cannot be sent as it is: no manifest, a file changed since it was built, a format missing."""


class DeliveryError(BriefgenError):
    """A mail server that is down or refuses the login or the sender: sending stops."""
