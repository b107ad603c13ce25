"""What goes wrong around ký số, as data: a stable code, a Vietnamese message, ``message_en``.

:class:`KySoError` (HTTP 422, CLI exit 2) for a document or a key that cannot be used; its
problems never carry a key, a password or a PIN — only file names and field names.
"""

from __future__ import annotations

from vanban.errors import VanbanError, problem


class KySoError(VanbanError):
    """The PDF cannot be prepared, signed or read for signing."""

    status = 422
    title = "Không ký số được"


def error(code: str, path: str, message: str, message_en: str, **extra: object) -> KySoError:
    """One problem as an exception: ``raise error("kyso.p12", "--p12", "…", "…")``."""
    return KySoError(problem(code, path, message, message_en, **extra))
