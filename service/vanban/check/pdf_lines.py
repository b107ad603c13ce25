"""The printed pages of a PDF as lines of words with their boxes (poppler's ``pdftotext
-bbox-layout``), for the page checker (:mod:`vanban.check.pages`).

    pages = read_pages(pdf_bytes)
    pages[0].lines[0].text, pages[0].lines[0].y1, pages[0].height

poppler groups the words of a page into flows, blocks and lines the way they print: the two
columns of the header are separate blocks, a table cell's lines are separate lines. Positions
are in points from the top-left corner of the page.
"""

from __future__ import annotations

import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from vanban.errors import ConversionError, problem

_X = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Line:
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    @property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def parse_bbox(xhtml: bytes) -> list[Page]:
    """Pages from the XHTML of ``pdftotext -bbox-layout``."""
    root = etree.fromstring(xhtml, etree.XMLParser(recover=True, resolve_entities=False))
    pages = []
    for n, page in enumerate(root.iter(f"{_X}page"), start=1):
        out = Page(n, float(page.get("width", 0)), float(page.get("height", 0)))
        for line in page.iter(f"{_X}line"):
            words = [Word(_nfc(w.text or ""), float(w.get("xMin")), float(w.get("yMin")),
                          float(w.get("xMax")), float(w.get("yMax")))
                     for w in line.iter(f"{_X}word") if (w.text or "").strip()]
            if words:
                out.lines.append(Line(words))
        pages.append(out)
    return pages


def read_pages(pdf: bytes, pdftotext: str = "pdftotext", timeout: float = 60) -> list[Page]:
    """The pages of ``pdf``; :class:`~vanban.errors.ConversionError` when poppler is missing or
    cannot read it."""
    with tempfile.TemporaryDirectory(prefix="vanban-pages-") as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(pdf)
        try:
            done = subprocess.run([pdftotext, "-bbox-layout", str(path), "-"],
                                  capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ConversionError(problem(
                "pdf.unreadable", "", "Không đọc được các trang của tệp PDF (pdftotext).",
                f"cannot read the PDF pages with pdftotext: {exc}")) from exc
    if done.returncode != 0:
        raise ConversionError(problem(
            "pdf.unreadable", "", "Không đọc được các trang của tệp PDF (pdftotext).",
            f"pdftotext failed: {done.stderr.decode('utf-8', 'replace')[:200]}"))
    return parse_bbox(done.stdout)
