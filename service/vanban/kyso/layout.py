"""Text lines of a rendered PDF page, with their boxes — what the signature places are read from.

pdfium (pypdfium2) gives the page's text in runs with bounding rectangles; runs on one baseline
and close together are joined into a line. Coordinates are PDF points from the page's lower-left
corner, as in the PDF itself (and in a field's ``/Rect``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium

#: Runs closer than this (points) on one baseline are one line; columns are farther apart.
JOIN_GAP = 8.0


@dataclass(frozen=True, slots=True)
class Line:
    page: int
    text: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def centre_x(self) -> float:
        return (self.left + self.right) / 2

    def overlaps_column(self, other: Line) -> bool:
        """Do the two lines share some horizontal extent (same column)?"""
        return min(self.right, other.right) - max(self.left, other.left) > 0


@dataclass(frozen=True, slots=True)
class Page:
    index: int
    width: float
    height: float
    lines: list[Line]


def norm(text: str) -> str:
    """Compare texts as a reader does: NFC, one space, case-folded."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _same_line(a: Line, b: Line) -> bool:
    overlap = min(a.top, b.top) - max(a.bottom, b.bottom)
    height = min(a.top - a.bottom, b.top - b.bottom)
    gap = max(b.left - a.right, a.left - b.right)
    return height > 0 and overlap >= 0.5 * height and gap < JOIN_GAP


def read_pages(pdf: bytes) -> list[Page]:
    """Every page's text lines, top to bottom."""
    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            text = page.get_textpage()
            runs = []
            for i in range(text.count_rects()):
                left, bottom, right, top = text.get_rect(i)
                content = text.get_text_bounded(left, bottom, right, top).strip()
                if content:
                    runs.append(Line(index, content, left, bottom, right, top))
            runs.sort(key=lambda r: (-round(r.top), r.left))
            lines: list[Line] = []
            for run in runs:
                last = next((x for x in reversed(lines[-4:]) if _same_line(x, run)), None)
                if last is None:
                    lines.append(run)
                    continue
                first, second = (last, run) if last.left <= run.left else (run, last)
                lines[lines.index(last)] = Line(
                    index, f"{first.text} {second.text}", min(last.left, run.left),
                    min(last.bottom, run.bottom), max(last.right, run.right),
                    max(last.top, run.top))
            lines.sort(key=lambda ln: (-ln.top, ln.left))
            pages.append(Page(index, width, height, lines))
            text.close()
            page.close()
        return pages
    finally:
        document.close()
