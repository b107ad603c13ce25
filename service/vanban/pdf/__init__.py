"""PDF conversion behind one interface, chosen by configuration; page images from PDFs.

    from vanban.pdf import converter
    pdf = converter().convert(docx_bytes)        # raises ConversionError (503/504), never crashes
    from vanban.pdf.images import pdf_pages_png, page_count
    pngs = pdf_pages_png(pdf, dpi=80)            # one PNG per page

``VANBAN_PDF`` chooses the backend (fields of :class:`vanban.config.Settings`):

* ``auto`` (default) — Word where docx2pdf and Word exist (Windows, macOS), else Gotenberg
  when ``VANBAN_GOTENBERG_URL`` is set, else ``warm``;
* ``warm`` — LibreOffice kept running and reused, restarted when it dies or hangs, falling
  back to a cold start per document when it cannot run (:mod:`vanban.pdf.warm`);
* ``libreoffice`` — a cold ``soffice --convert-to pdf`` per document (:mod:`.libreoffice`);
* ``word`` — Microsoft Word through docx2pdf (:mod:`.word`);
* ``gotenberg`` — a Gotenberg service over HTTP (:mod:`.gotenberg`).

``VANBAN_SOFFICE`` points at soffice, ``VANBAN_PDF_TIMEOUT`` bounds one conversion,
``VANBAN_PDF_CONCURRENCY`` bounds the LibreOffice processes, ``VANBAN_UNO_PYTHON`` names the
interpreter that can ``import uno`` (found automatically otherwise).
"""

from __future__ import annotations

import threading

from vanban.config import get_settings
from vanban.pdf.base import Converter, unavailable
from vanban.pdf.gotenberg import GotenbergConverter
from vanban.pdf.libreoffice import LibreOfficeConverter
from vanban.pdf.warm import WarmConverter
from vanban.pdf.word import WordConverter

__all__ = ["BACKENDS", "Converter", "GotenbergConverter", "LibreOfficeConverter",
           "WarmConverter", "WordConverter", "converter", "one_shot"]

BACKENDS = ("auto", "warm", "libreoffice", "word", "gotenberg")

_lock = threading.Lock()
_current: Converter | None = None


class UnknownBackend(Converter):
    """``VANBAN_PDF`` names no backend: every conversion says so (503), nothing crashes."""

    name = "?"

    targets = ("pdf", "odt")

    def __init__(self, choice: str) -> None:
        self.choice = choice

    def convert_to(self, docx: bytes, target: str) -> bytes:
        return self.convert(docx)

    def available(self) -> bool:
        return False

    def convert(self, docx: bytes) -> bytes:
        raise unavailable(
            f"Cấu hình VANBAN_PDF=“{self.choice}” không hợp lệ; chọn một trong: "
            f"{', '.join(BACKENDS)}.",
            f"VANBAN_PDF={self.choice!r} is not one of {', '.join(BACKENDS)}")


def build(choice: str) -> Converter:
    """A new converter for ``choice`` (one of :data:`BACKENDS`)."""
    choice = choice.strip().lower()
    if choice == "word":
        return WordConverter()
    if choice == "libreoffice":
        return LibreOfficeConverter()
    if choice == "warm":
        return WarmConverter()
    if choice == "gotenberg":
        return GotenbergConverter()
    if choice != "auto":
        return UnknownBackend(choice)
    word = WordConverter()
    if word.available():
        return word
    if get_settings().gotenberg_url:
        return GotenbergConverter()
    return WarmConverter()


def converter() -> Converter:
    """The process-wide converter configured by ``VANBAN_PDF`` (built on first use)."""
    global _current
    with _lock:
        if _current is None:
            _current = build(get_settings().pdf)
        return _current


def one_shot() -> Converter:
    """The converter for a process that converts one document and exits (``vanban render
    -o x.pdf``): the configured one, except that a warm LibreOffice becomes a cold one —
    starting a server costs more than converting one document cold."""
    current = converter()
    return current.cold if isinstance(current, WarmConverter) else current


def _cache_clear() -> None:
    """Close the current converter; the next :func:`converter` reads the configuration
    again (lazily, so a test may clear before its environment is restored)."""
    global _current
    with _lock:
        old, _current = _current, None
    if old is not None:
        old.close()
    get_settings.cache_clear()


converter.cache_clear = _cache_clear  # type: ignore[attr-defined]
