"""The converter interface, and the three errors every backend reports the same way.

A backend that cannot run raises :func:`unavailable` (HTTP 503, ``pdf.unavailable``), one
that ran and failed :func:`failed` (503, ``pdf.failed``), one that hung :func:`timed_out`
(504, ``pdf.timeout``). Messages are Vietnamese for people, English for logs.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod

from vanban.errors import ConversionError, ConversionTimeout, problem

log = logging.getLogger("vanban.pdf")

#: The advice every unavailability message ends with: the .docx is always there.
DOCX_STILL_WORKS = "Tệp .docx vẫn tải được."


class Converter(ABC):
    """.docx bytes in, PDF bytes out. Implementations are safe to call from many threads."""

    name: str = "?"

    @abstractmethod
    def available(self) -> bool:
        """Can this converter run on this machine (cheap; no conversion)?"""

    def convert(self, docx: bytes) -> bytes:
        """.docx bytes → PDF bytes; raises :class:`vanban.errors.ConversionError`.

        Every backend gets the package only after
        :func:`vanban.ooxml.untrusted.neutralise_package` removed what would make the renderer
        fetch a URL or read a file (external relationships, SVG references, loading fields),
        and while holding a heavy-work slot (:mod:`vanban.ops.slots`): backends implement
        :meth:`_convert`, never this."""
        from vanban.ooxml.untrusted import neutralise_package
        from vanban.ops.slots import heavy

        clean, removed = neutralise_package(docx)
        if removed:
            log.warning("removed before conversion (%d): %s", len(removed),
                        "; ".join(removed[:20]))
        with heavy("pdf"):  # one of the process's heavy-work slots (503 when none is free)
            return self._convert(clean)

    @abstractmethod
    def _convert(self, docx: bytes) -> bytes:
        """The backend's conversion of an already neutralised package."""

    def status(self) -> dict[str, object]:
        """What ``/readyz`` reports."""
        return {"name": self.name, "available": self.available()}

    def start(self) -> None:  # noqa: B027 (optional hook)
        """Prepare ahead of the first request (start a warm process); default: nothing."""

    def close(self) -> None:  # noqa: B027 (optional hook)
        """Release processes and connections; default: nothing."""


def unavailable(message: str, message_en: str, detail: str = "") -> ConversionError:
    """``detail`` (an exception's text, a URL, LibreOffice's output) goes to the log only:
    no problem body carries internal host names or Python error text (issue 19)."""
    if detail:
        log.warning("PDF unavailable: %s — %s", message_en, detail)
    return ConversionError(problem("pdf.unavailable", "format", f"{message} {DOCX_STILL_WORKS}",
                                   message_en))


def failed(message: str, message_en: str, detail: str = "") -> ConversionError:
    """As :func:`unavailable`: ``detail`` is logged, not answered."""
    if detail:
        log.warning("PDF failed: %s — %s", message_en, detail)
    return ConversionError(problem("pdf.failed", "format", f"{message} {DOCX_STILL_WORKS}",
                                   message_en))


def timed_out(backend: str, seconds: float) -> ConversionTimeout:
    return ConversionTimeout(problem(
        "pdf.timeout", "format",
        f"{backend} không chuyển xong sang PDF trong {seconds:g} giây nên đã bị dừng; hãy thử "
        f"lại sau ít phút. {DOCX_STILL_WORKS}",
        f"{backend} did not finish the PDF within {seconds:g} s and was stopped",
        timeout_seconds=seconds))
