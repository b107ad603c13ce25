"""An annex (the danh sách of a tờ trình or a quyết định) cut out of its document's .docx, so
that it becomes an attachment in its own file — the case of Nghị định 30, Phụ lục I, where the
văn thư signs each attachment file at the top right of its first page.

The annex starts at the first body paragraph with a title such as “DANH SÁCH …” or “PHỤ LỤC …”
that begins a page: after a section break (an annex is a section of its own, its pages numbered
from 1) or with ``w:pageBreakBefore``. The document keeps everything before it with its own
section's properties; the annex keeps everything from it with the last section's.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
ANNEX_TITLES = ("DANH SÁCH", "PHỤ LỤC")


def _text(p: etree._Element) -> str:
    return "".join(p.itertext()).strip()


def _rezip(docx: bytes, document_xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = document_xml if item.filename == "word/document.xml" else src.read(item)
            dst.writestr(item, data)
    return out.getvalue()


def _section_break(c: etree._Element) -> etree._Element | None:
    """The ``w:sectPr`` that ends a section at paragraph ``c``, if it does."""
    return c.find("w:pPr/w:sectPr", NS) if c.tag == f"{{{W}}}p" else None


def split(docx: bytes) -> tuple[bytes, bytes | None]:
    """(the document without its annex, the annex) — or (``docx``, ``None``) without one."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find("w:body", NS)
    children = [c for c in body if c.tag != f"{{{W}}}sectPr"]

    def begins_a_page(i: int) -> bool:
        c = children[i]
        return c.find("w:pPr/w:pageBreakBefore", NS) is not None or (
            i > 0 and _section_break(children[i - 1]) is not None)

    start = next((i for i, c in enumerate(children)
                  if c.tag == f"{{{W}}}p" and _text(c).upper().startswith(ANNEX_TITLES)
                  and begins_a_page(i)), None)
    if start is None or start == 0:
        return docx, None
    # a section break just before: the main part ends there, with that section's properties
    cut = start - 1 if _section_break(children[start - 1]) is not None else start
    main = etree.fromstring(etree.tostring(root))
    annex = etree.fromstring(etree.tostring(root))
    main_kids = [c for c in main.find("w:body", NS) if c.tag != f"{{{W}}}sectPr"]
    if cut < start:
        inner = _section_break(main_kids[cut])
        last = main.find("w:body/w:sectPr", NS)
        last.getparent().replace(last, inner)
    for i in range(cut, len(main_kids)):
        main_kids[i].getparent().remove(main_kids[i])
    annex_kids = [c for c in annex.find("w:body", NS) if c.tag != f"{{{W}}}sectPr"]
    for i in range(start):
        annex_kids[i].getparent().remove(annex_kids[i])
    brk = annex_kids[start].find("w:pPr/w:pageBreakBefore", NS)
    if brk is not None:
        brk.getparent().remove(brk)
    as_bytes = {"xml_declaration": True, "encoding": "UTF-8", "standalone": True}
    return (_rezip(docx, etree.tostring(main, **as_bytes)),
            _rezip(docx, etree.tostring(annex, **as_bytes)))
