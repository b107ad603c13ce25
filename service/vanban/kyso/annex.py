"""An annex (the danh sách of a tờ trình or a quyết định) cut out of its document's .docx, so
that it becomes an attachment in its own file — the case of Nghị định 30, Phụ lục I, where the
văn thư signs each attachment file at the top right of its first page.

The annex starts at the first body paragraph that begins a page (``w:pageBreakBefore``) with a
title such as “DANH SÁCH …” or “PHỤ LỤC …”. The document keeps everything before it, the annex
everything from it; both keep the section properties (page size, margins, headers).
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


def split(docx: bytes) -> tuple[bytes, bytes | None]:
    """(the document without its annex, the annex) — or (``docx``, ``None``) without one."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find("w:body", NS)
    children = [c for c in body if c.tag != f"{{{W}}}sectPr"]
    start = next((i for i, c in enumerate(children)
                  if c.tag == f"{{{W}}}p" and c.find("w:pPr/w:pageBreakBefore", NS) is not None
                  and _text(c).upper().startswith(ANNEX_TITLES)), None)
    if start is None or start == 0:
        return docx, None
    main = etree.fromstring(etree.tostring(root))
    annex = etree.fromstring(etree.tostring(root))
    for tree, drop in ((main, range(start, len(children))), (annex, range(start))):
        kids = [c for c in tree.find("w:body", NS) if c.tag != f"{{{W}}}sectPr"]
        for i in drop:
            kids[i].getparent().remove(kids[i])
    first = [c for c in annex.find("w:body", NS) if c.tag != f"{{{W}}}sectPr"][0]
    brk = first.find("w:pPr/w:pageBreakBefore", NS)
    brk.getparent().remove(brk)
    as_bytes = {"xml_declaration": True, "encoding": "UTF-8", "standalone": True}
    return (_rezip(docx, etree.tostring(main, **as_bytes)),
            _rezip(docx, etree.tostring(annex, **as_bytes)))
