"""Page images of a PDF, for previews: one PNG per page, rendered with PDFium (pypdfium2).

    from vanban.pdf.images import pdf_pages_png, page_count
    pngs = pdf_pages_png(pdf_bytes, dpi=80)             # every page
    pngs = pdf_pages_png(pdf_bytes, first=2, last=3)    # pages 2–3 (1-based, inclusive)

PDFium runs in this process (no subprocess); it rendered and encoded a 4-page document at
80 dpi about four times faster than poppler's ``pdftoppm`` here (see docs/performance-pdf.md).
A page without colour is written as a grayscale PNG (same pixels, half the encoding time).
PDFium is not thread-safe, so rendering holds a lock; PNG encoding does not. ``first`` and
``last`` are clamped to the document like pdf2image's ``first_page`` / ``last_page``.
"""

from __future__ import annotations

import io
import threading

import pypdfium2 as pdfium
from PIL import Image, ImageChops

from vanban.errors import ConversionError, problem

#: Allowed resolutions: below, text is unreadable; above, one page is tens of megabytes.
MIN_DPI, MAX_DPI = 10, 600
_PDFIUM = threading.Lock()


def _open(pdf: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise ConversionError(problem(
            "pdf.unreadable", "pdf", "Tệp PDF không đọc được (hỏng hoặc không phải PDF).",
            f"PDF cannot be opened: {exc}")) from exc


def page_count(pdf: bytes) -> int:
    """The number of pages of ``pdf``; :class:`ConversionError` when it is not a PDF."""
    with _PDFIUM:
        document = _open(pdf)
        try:
            return len(document)
        finally:
            document.close()


def pdf_pages_png(pdf: bytes, dpi: int = 80, first: int | None = None,
                  last: int | None = None) -> list[bytes]:
    """PNG bytes of pages ``first``..``last`` (1-based, inclusive; default: all) at ``dpi``.

    White background, RGB. :class:`ConversionError` (``pdf.unreadable``) when ``pdf`` is not a
    PDF; :class:`ValueError` for a ``dpi`` outside 10–600."""
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise ValueError(f"dpi must be between {MIN_DPI} and {MAX_DPI}, not {dpi}")
    images = []
    with _PDFIUM:
        document = _open(pdf)
        try:
            start = max(first or 1, 1)
            stop = min(last or len(document), len(document))
            for index in range(start - 1, stop):
                page = document[index]
                try:
                    images.append(page.render(scale=dpi / 72).to_pil())
                finally:
                    page.close()
        finally:
            document.close()
    out = []
    for image in images:
        buffer = io.BytesIO()
        if _colourless(image):  # R = G = B everywhere: one channel says it all
            image = image.getchannel(0)
        image.save(buffer, "PNG", compress_level=1)
        out.append(buffer.getvalue())
    return out


def _colourless(image: Image.Image) -> bool:
    """No colour on the page (checked on a 4× reduced copy, a couple of milliseconds): most
    documents are black on white, and a grayscale PNG encodes in half the time of an RGB one.
    A page with a highlight, a red mark or a seal stays in colour."""
    r, g, b = image.reduce(4).split()
    return ImageChops.difference(r, g).getbbox() is None and \
        ImageChops.difference(g, b).getbbox() is None
