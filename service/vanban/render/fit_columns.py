"""Column widths of a Word-laid table fitted to what was rendered into it.

A table a body lays out in Word (header row as Word text, ``{%tr for %}`` rows) carries
``<w:tblDescription w:val="vanban:fit"/>``: after rendering, its columns keep the Word widths
as weights and each is widened to the longest word it holds (header rows measured bold), the
room taken from the others — as :func:`vanban.context.tables.table` sizes the tables vanban
builds, so a built-in's table keeps the widths it had when the code drew it, and a designer's
columns (resized in Word) are only widened where a word would break.

``vanban:fit NAME`` takes the widths from the context's value ``NAME`` instead — a list of
twips, one a column, that the type computes from the data (``bang-cham-diem``: wider level
columns, the landscape text width for a wide table); the table's width becomes their sum. A
list of another length is ignored (the Word widths stay), so a designer who adds a column keeps
a table that renders.
"""

from __future__ import annotations

from lxml import etree

from vanban.context.tables import Cell, fit_widths, min_widths

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
#: The mark of a table whose columns are fitted after rendering.
FIT = "vanban:fit"


def _int(el: etree._Element | None) -> int | None:
    try:
        return int(el.get(f"{_W}w")) if el is not None else None
    except (TypeError, ValueError):
        return None


def _bold(tc: etree._Element) -> bool:
    for b in tc.iter(f"{_W}b"):
        if b.getparent().tag == f"{_W}rPr" and b.get(f"{_W}val") not in ("0", "false"):
            return True
    return False


def _text(tc: etree._Element) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(f"{_W}t"))
                     for p in tc.iter(f"{_W}p"))


def _given(value: object, n: int) -> list[int] | None:
    """``value`` as ``n`` column widths in twips, or None."""
    if not isinstance(value, list | tuple) or len(value) != n:
        return None
    if not all(isinstance(w, int) and not isinstance(w, bool) and w > 0 for w in value):
        return None
    return list(value)


def _fit(tbl: etree._Element, given: object = None) -> None:
    cols = tbl.findall(f"{_W}tblGrid/{_W}gridCol")
    widths = _given(given, len(cols)) or [_int(c) for c in cols]
    if not widths or None in widths:
        return
    n = len(widths)
    tbl_w = tbl.find(f"{_W}tblPr/{_W}tblW")
    if _given(given, n) and tbl_w is not None and tbl_w.get(f"{_W}type", "dxa") == "dxa":
        tbl_w.set(f"{_W}w", str(sum(widths)))
    need = [0] * n
    for tr in tbl.iterfind(f"{_W}tr"):
        header = tr.find(f"{_W}trPr/{_W}tblHeader") is not None
        row = []
        for tc in tr.iterfind(f"{_W}tc"):
            span = tc.find(f"{_W}tcPr/{_W}gridSpan")
            row.append(Cell(_text(tc), colspan=_int_val(span), bold=_bold(tc)))
        need = [max(a, b) for a, b in zip(need, min_widths([row], n, bold=header), strict=True)]
    fitted = fit_widths(widths, need)  # type: ignore[arg-type]
    for col, w in zip(cols, fitted, strict=True):
        col.set(f"{_W}w", str(w))
    for tr in tbl.iterfind(f"{_W}tr"):
        at = 0
        for tc in tr.iterfind(f"{_W}tc"):
            span = _int_val(tc.find(f"{_W}tcPr/{_W}gridSpan"))
            tc_w = tc.find(f"{_W}tcPr/{_W}tcW")
            if tc_w is not None and tc_w.get(f"{_W}type", "dxa") == "dxa":
                tc_w.set(f"{_W}w", str(sum(fitted[at:at + span])))
            at += span


def _int_val(el: etree._Element | None) -> int:
    try:
        return int(el.get(f"{_W}val")) if el is not None else 1
    except (TypeError, ValueError):
        return 1


def fit_columns(xml: str, context: dict | None = None) -> str:
    """The rendered ``document.xml`` with every ``vanban:fit`` table's columns fitted."""
    if FIT not in xml:
        return xml
    head, sep, rest = xml.partition("?>")
    root = etree.fromstring((rest if sep else xml).encode("utf-8"))
    for desc in list(root.iter(f"{_W}tblDescription")):
        mark, _, name = (desc.get(f"{_W}val") or "").partition(" ")
        if mark == FIT:
            given = (context or {}).get(name.strip()) if name.strip() else None
            _fit(desc.getparent().getparent(), given)
    out = etree.tostring(root, encoding="unicode")
    return f"{head}{sep}\n{out}" if sep else out
