"""The converter interface, and the three errors every backend reports the same way.

A backend that cannot run raises :func:`unavailable` (HTTP 503, ``pdf.unavailable``), one
that ran and failed :func:`failed` (503, ``pdf.failed``), one that hung :func:`timed_out`
(504, ``pdf.timeout``). Messages are Vietnamese for people, English for logs.

:meth:`Converter.convert_pdfa` makes the archival PDF/A that ký số starts from (LibreOffice's
``SelectPdfVersion`` export option; Gotenberg's ``pdfa`` field); backends without it say so.
"""

from __future__ import annotations

import functools
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from vanban.errors import ConversionError, ConversionTimeout, problem

log = logging.getLogger("vanban.pdf")

#: The advice every unavailability message ends with: the .docx is always there.
DOCX_STILL_WORKS = "Tệp .docx vẫn tải được."


class Converter(ABC):
    """.docx bytes in, PDF bytes out (and, for the LibreOffice backends, ODT: see
    :attr:`targets`). Implementations are safe to call from many threads.

    Every subclass's :meth:`convert` and :meth:`convert_pdfa` are wrapped when the class is
    made (:meth:`__init_subclass__`), so no backend can skip what comes first: the package is
    neutralised (:func:`vanban.ooxml.untrusted.neutralise_package` — no external
    relationships, SVG references or loading fields reach the renderer) and the conversion
    holds one of the process's heavy-work slots (:mod:`vanban.ops.slots`; 503 ``server.busy``
    when none is free). The unwrapped method stays reachable as ``method.__wrapped__``."""

    name: str = "?"
    #: The formats this backend writes (``vanban.outputs`` asks before offering one).
    targets: tuple[str, ...] = ("pdf",)

    def supports(self, target: str) -> bool:
        return target in self.targets

    def convert_to(self, docx: bytes, target: str) -> bytes:
        """.docx bytes → ``target`` (``pdf``, ``odt``) bytes; raises
        :class:`vanban.errors.ConversionError` (``pdf.unavailable`` for a format this backend
        does not write)."""
        if target == "pdf":
            return self.convert(docx)
        raise unavailable(f"Bộ chuyển “{self.name}” không tạo được tệp .{target}.",
                          f"the {self.name} converter does not write {target}")

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        for method in ("convert", "convert_pdfa"):
            if method in cls.__dict__ and not hasattr(cls.__dict__[method], "__wrapped__"):
                setattr(cls, method, _guarded(cls.__dict__[method]))

    @abstractmethod
    def available(self) -> bool:
        """Can this converter run on this machine (cheap; no conversion)?"""

    @abstractmethod
    def convert(self, docx: bytes) -> bytes:
        """.docx bytes → PDF bytes; raises :class:`vanban.errors.ConversionError`."""

    def convert_pdfa(self, docx: bytes, part: int = 2) -> bytes:
        """.docx bytes → an archival PDF/A-<part>b (ISO 19005) with every font embedded;
        raises ``pdf.unavailable`` where the backend cannot make one (see :mod:`vanban.kyso`)."""
        raise unavailable(
            f"Bộ chuyển PDF “{self.name}” không xuất được PDF/A (bản lưu trữ); hãy dùng "
            "LibreOffice (VANBAN_PDF=warm hoặc libreoffice) hoặc Gotenberg.",
            f"the {self.name} PDF backend cannot export PDF/A")

    def status(self) -> dict[str, object]:
        """What ``/readyz`` reports."""
        return {"name": self.name, "available": self.available()}

    def start(self) -> None:  # noqa: B027 (optional hook)
        """Prepare ahead of the first request (start a warm process); default: nothing."""

    def close(self) -> None:  # noqa: B027 (optional hook)
        """Release processes and connections; default: nothing."""


def _guarded(method: Callable[..., bytes]) -> Callable[..., bytes]:
    @functools.wraps(method)
    def guarded(self: Converter, docx: bytes, *args: Any, **kwargs: Any) -> bytes:
        from vanban.ooxml.untrusted import neutralise_package
        from vanban.ops.slots import heavy

        clean, removed = neutralise_package(docx)
        if removed:
            log.warning("removed before conversion (%d): %s", len(removed),
                        "; ".join(removed[:20]))
        with heavy("pdf"):  # re-entrant: a backend calling another keeps its one slot
            return method(self, clean, *args, **kwargs)

    return guarded


def unavailable(message: str, message_en: str, detail: str = "") -> ConversionError:
    """``detail`` (an exception's text, a URL, LibreOffice's output) goes to the log only:
    no problem body carries internal host names or Python error text (issue 19)."""
    if detail:
        log.warning("PDF unavailable: %s — %s", message_en, detail)
    return ConversionError(problem("pdf.unavailable", "format", f"{message} {DOCX_STILL_WORKS}",
                                   message_en))


def label(target: str) -> str:
    """``PDF``, ``ODT``: the format's name in messages."""
    return target.upper()


def failed(message: str, message_en: str, detail: str = "") -> ConversionError:
    """As :func:`unavailable`: ``detail`` is logged, not answered."""
    if detail:
        log.warning("PDF failed: %s — %s", message_en, detail)
    return ConversionError(problem("pdf.failed", "format", f"{message} {DOCX_STILL_WORKS}",
                                   message_en))


def timed_out(backend: str, seconds: float, target: str = "pdf") -> ConversionTimeout:
    return ConversionTimeout(problem(
        "pdf.timeout", "format",
        f"{backend} không chuyển xong sang {label(target)} trong {seconds:g} giây nên đã bị "
        f"dừng; hãy thử lại sau ít phút. {DOCX_STILL_WORKS}",
        f"{backend} did not finish the {label(target)} within {seconds:g} s and was stopped",
        timeout_seconds=seconds))
