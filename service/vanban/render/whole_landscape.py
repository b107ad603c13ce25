"""A whole document in landscape, for a document that is a table (bảng chấm điểm).

Nghị định 30/2020, Phụ lục I: a document is set on the length of A4; one whose content is
tables that are not made annexes may be set on its width. A portrait first page holding only
the header and title before a landscape table is a half-empty page (issue 17), so when the
context asks for it (``ca_van_ban_ngang``) the rendered body becomes one landscape section:

* the section breaks the landscape slot wrote (:mod:`vanban.context.landscape`) are removed,
  so nothing forces a new page after the header;
* the final section (the shell's page set-up: margins, page-number header, different first
  page) is turned to A4 landscape;
* the layout tables drawn for the portrait text width (the header, the signature band) are
  widened to the landscape text width, and the short rules under the agency and the Quốc hiệu
  keep their length (their indents grow by half of what their cell gained).
"""

from __future__ import annotations

from lxml import etree

from vanban.context.landscape import LANDSCAPE_TEXT_TWIPS
from vanban.the_thuc.families import TEXT_WIDTH_TWIPS, mm_to_twips

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"


def _w(el: etree._Element, name: str) -> etree._Element | None:
    return el.find(f"{_W}{name}")


def _twips(el: etree._Element | None, attr: str = "w") -> int | None:
    if el is None or el.get(f"{_W}{attr}") is None:
        return None
    try:
        return int(el.get(f"{_W}{attr}"))
    except ValueError:
        return None


def _widen(tbl: etree._Element, factor: float) -> None:
    tbl_w = tbl.find(f"{_W}tblPr/{_W}tblW")
    if tbl_w is not None:
        tbl_w.set(f"{_W}w", str(LANDSCAPE_TEXT_TWIPS))
    for col in tbl.iterfind(f"{_W}tblGrid/{_W}gridCol"):
        old = _twips(col)
        if old is not None:
            col.set(f"{_W}w", str(round(old * factor)))
    for tc in tbl.iterfind(f"{_W}tr/{_W}tc"):
        tc_w = tc.find(f"{_W}tcPr/{_W}tcW")
        old = _twips(tc_w)
        if tc_w is None or old is None:
            continue
        new = round(old * factor)
        tc_w.set(f"{_W}w", str(new))
        for p in tc.iter(f"{_W}p"):
            _keep_rule(p, (new - old) // 2)


def _keep_rule(p: etree._Element, gain: int) -> None:
    """A rule (a bordered, indented empty paragraph) keeps its length in a space ``2 × gain``
    wider."""
    ppr = _w(p, "pPr")
    ind = ppr.find(f"{_W}ind") if ppr is not None else None
    if ind is None or ppr.find(f"{_W}pBdr") is None:
        return
    for side in ("left", "right"):
        value = _twips(ind, side)
        if value is not None:
            ind.set(f"{_W}{side}", str(value + gain))


def whole_landscape(xml: str) -> str:
    """The rendered ``document.xml`` as one landscape section (see the module)."""
    head, sep, rest = xml.partition("?>")
    root = etree.fromstring((rest if sep else xml).encode("utf-8"))
    body = root.find(f"{_W}body")
    if body is None:
        return xml
    first: etree._Element | None = None
    for p in body.iter(f"{_W}p"):
        ppr = _w(p, "pPr")
        sect = ppr.find(f"{_W}sectPr") if ppr is not None else None
        if sect is not None:
            first = sect if first is None else first
            ppr.remove(sect)
    final = body.find(f"{_W}sectPr")
    if first is not None and final is not None:
        # the first section holds the shell's page set-up for page 1 (no number on it)
        kind = first.find(f"{_W}type")
        if kind is not None:
            first.remove(kind)
        final.addprevious(first)
        body.remove(final)
        final = first
    if final is not None:
        size = final.find(f"{_W}pgSz")
        if size is None:
            size = etree.SubElement(final, f"{_W}pgSz")
        size.set(f"{_W}w", str(mm_to_twips(297)))
        size.set(f"{_W}h", str(mm_to_twips(210)))
        size.set(f"{_W}orient", "landscape")
    for p in body.iterfind(f"{_W}p"):  # the rule under the abstract, across the text width
        _keep_rule(p, (LANDSCAPE_TEXT_TWIPS - TEXT_WIDTH_TWIPS) // 2)
    factor = LANDSCAPE_TEXT_TWIPS / TEXT_WIDTH_TWIPS
    for tbl in body.iterfind(f"{_W}tbl"):
        if _twips(tbl.find(f"{_W}tblPr/{_W}tblW")) == TEXT_WIDTH_TWIPS:
            _widen(tbl, factor)
    out = etree.tostring(root, encoding="unicode")
    return f"{head}{sep}\n{out}" if sep else out


def annex_numbered_apart(xml: str, title: str, landscape: bool = False) -> str:
    """The annex (``phu_luc``: the "DANH SÁCH …" on its own page after nơi nhận) as its own
    section whose pages are numbered from 1, as annexes are: the main part ends with a copy of
    the final section's page set-up, the annex title loses its page break (the section break
    starts the new page) and the final section restarts the numbering."""
    head, sep, rest = xml.partition("?>")
    root = etree.fromstring((rest if sep else xml).encode("utf-8"))
    body = root.find(f"{_W}body")
    final = body.find(f"{_W}sectPr") if body is not None else None
    if final is None:
        return xml
    start = None
    for p in body.iterfind(f"{_W}p"):
        ppr = _w(p, "pPr")
        text = "".join(t.text or "" for t in p.iter(f"{_W}t")).strip()
        if ppr is not None and ppr.find(f"{_W}pageBreakBefore") is not None and text == title:
            start = p
    if start is None:
        return xml
    ppr = _w(start, "pPr")
    ppr.remove(ppr.find(f"{_W}pageBreakBefore"))
    main = etree.fromstring(etree.tostring(final))
    for old in main.findall(f"{_W}pgNumType"):
        main.remove(old)
    brk = etree.Element(f"{_W}p")
    brk_ppr = etree.SubElement(brk, f"{_W}pPr")
    spacing = etree.SubElement(brk_ppr, f"{_W}spacing")
    for attr, value in (("before", "0"), ("after", "0"), ("line", "20"), ("lineRule", "exact")):
        spacing.set(f"{_W}{attr}", value)
    brk_ppr.append(main)
    start.addprevious(brk)
    for old in final.findall(f"{_W}pgNumType"):
        final.remove(old)
    if landscape:  # an annex of wide tables (the main part keeps the portrait copy)
        size = final.find(f"{_W}pgSz")
        if size is not None:
            size.set(f"{_W}w", str(mm_to_twips(297)))
            size.set(f"{_W}h", str(mm_to_twips(210)))
            size.set(f"{_W}orient", "landscape")
    num = etree.Element(f"{_W}pgNumType")
    num.set(f"{_W}start", "1")
    # schema order: … pgMar, paperSrc, pgBorders, lnNumType, pgNumType, cols …
    cols = final.find(f"{_W}cols")
    if cols is not None:
        cols.addprevious(num)
    else:
        titlepg = final.find(f"{_W}titlePg")
        (titlepg.addprevious(num) if titlepg is not None else final.append(num))
    out = etree.tostring(root, encoding="unicode")
    return f"{head}{sep}\n{out}" if sep else out
