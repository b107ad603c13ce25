"""Small .docx templates for the designer tests, written with python-docx."""

from __future__ import annotations

import io
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[2]
BODY_TEMPLATE = ROOT / "templates_docx" / "bao-cao-thi-dua" / "template.docx"
BODY_EXAMPLE = ROOT / "templates_docx" / "bao-cao-thi-dua" / "example.json"


def make_docx(*paragraphs: str, table: list[list[str]] | None = None,
              header: str | None = None, styles: dict[int, str] | None = None) -> bytes:
    """A document with the given paragraphs, then an optional table (rows of cell texts)."""
    document = docx.Document()
    for i, text in enumerate(paragraphs):
        p = document.add_paragraph(text)
        if styles and i in styles:
            p.style = styles[i]
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def body_template(*paragraphs: str, styles: dict[int, str] | None = None,
                  header: str | None = None) -> bytes:
    """A body template: the installed template's package (VB styles) with new paragraphs."""
    from docx.oxml.ns import qn

    document = docx.Document(str(BODY_TEMPLATE))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for i, text in enumerate(paragraphs):
        p = document.add_paragraph(text)
        style = (styles or {}).get(i, "VBNoiDung")
        p._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), style)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
