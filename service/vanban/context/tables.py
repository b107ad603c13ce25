"""Tables as body blocks: header rows repeated on every page, merged cells, the VB Bảng styles.

    from vanban.context.tables import Cell, table
    xml = table(
        header=[[Cell("TT", rowspan=2), Cell("Chỉ tiêu", rowspan=2), Cell("Kết quả", colspan=2)],
                ["Kế hoạch", "Thực hiện"]],
        rows=[["1", "Tỷ lệ", "100", "104"]],
        widths=[1, 5, 2, 2])
    outline.add(blocks.bang(xml))

Cells are given like HTML: a cell with ``rowspan=2`` covers the cell below it, which the next
row simply leaves out (or marks with ``Cell("", skip=True)``); ``colspan`` spans grid columns.
Text is escaped; ``\\n`` becomes a line break. Widths are relative weights of the text width;
no column is made narrower than its longest word (header included) at the table's size needs
(:func:`min_widths`, measured with the font's metrics), so "STT" never prints as S / T / T.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from vanban.context.inline import runs
from vanban.the_thuc.families import TEXT_WIDTH_TWIPS
from vanban.the_thuc.metrics import text_width_pt

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Cell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    align: Align | None = None
    bold: bool = False
    italic: bool = False
    #: A placeholder for a position covered by a rowspan from above (may be omitted instead).
    skip: bool = False


CellLike = Cell | str | int | float | None

_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def _cell(value: CellLike) -> Cell:
    if isinstance(value, Cell):
        return value
    return Cell("" if value is None else str(value))


def _looks_numeric(text: str) -> bool:
    t = text.strip().replace(".", "").replace(",", "").replace("%", "").lstrip("+-")
    return not t or t.isdigit() or len(text.strip()) <= 3


def _paragraph(c: Cell, style: str) -> str:
    jc = c.align
    if jc is None and style != "VBBangDau":
        jc = "center" if _looks_numeric(c.text) else "left"
    jc_xml = f'<w:jc w:val="{jc}"/>' if jc else ""
    body = runs(c.text, marks=False, bold=c.bold, italic=c.italic) if c.text else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc_xml}</w:pPr>{body}</w:p>'


def _tc(width: int, span: int, merge: str | None, content: str) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    merge_xml = {"restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}.get(
        merge or "", "")
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{merge_xml}'
            f'<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>')


def _rows(rows: Sequence[Sequence[CellLike]], widths: list[int], style: str,
          header: bool) -> list[str]:
    ncols = len(widths)
    covered: dict[int, tuple[int, int]] = {}  # column → (rows still covered, its colspan)
    out = []
    for row in rows:
        cells = [c for c in map(_cell, row) if not c.skip]
        tcs, col = [], 0
        queue = list(cells)
        while col < ncols:
            if col in covered:
                left, span = covered[col]
                tcs.append(_tc(sum(widths[col:col + span]), span, "continue",
                               _paragraph(Cell(), style)))
                if left <= 1:
                    del covered[col]
                else:
                    covered[col] = (left - 1, span)
                col += span
                continue
            if not queue:
                tcs.append(_tc(widths[col], 1, None, _paragraph(Cell(), style)))
                col += 1
                continue
            c = queue.pop(0)
            span = max(1, min(c.colspan, ncols - col))
            merge = None
            if c.rowspan > 1:
                merge = "restart"
                covered[col] = (c.rowspan - 1, span)
            tcs.append(_tc(sum(widths[col:col + span]), span, merge, _paragraph(c, style)))
            col += span
        if queue:
            raise ValueError(f"row has more cells than the table's {ncols} columns")
        trpr = "<w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "") + "</w:trPr>"
        out.append(f"<w:tr>{trpr}{''.join(tcs)}</w:tr>")
    return out


#: The table styles' size (VB Bảng: 13 pt) and Word's default cell margins (108 twips a side).
TABLE_PT = 13.0
CELL_MARGINS_TWIPS = 2 * 108
#: Metrics and renderers differ by a few per cent: a word gets this much more room.
_ROOM = 1.08


def _words(text: str) -> list[str]:
    return [w for line in text.split("\n") for w in line.split()]


def min_widths(rows: Sequence[Sequence[CellLike]], ncols: int, *, bold: bool = False,
               size_pt: float = TABLE_PT) -> list[int]:
    """Per grid column, the twips its longest word needs (at ``size_pt``, bold for header
    rows), cell margins included. Cells spanning several columns are left out."""
    need = [0] * ncols
    covered: dict[int, int] = {}
    for row in rows:
        col = 0
        for c in (c for c in map(_cell, row) if not c.skip):
            while col in covered:
                left = covered.pop(col)
                if left > 1:
                    covered[col] = left - 1
                col += 1
            if col >= ncols:
                break
            if c.rowspan > 1:
                covered[col] = c.rowspan - 1
            if c.colspan == 1:
                widest = max((text_width_pt(w, size_pt, bold=bold or c.bold, italic=c.italic)
                              for w in _words(c.text)), default=0.0)
                need[col] = max(need[col], int(widest * 20 * _ROOM) + CELL_MARGINS_TWIPS)
            col += max(1, c.colspan)
    return need


def fit_widths(cols: list[int], need: Sequence[int]) -> list[int]:
    """Column widths (twips) widened to at least ``need`` each, the room taken from the
    columns that have more than they need, in proportion to that surplus; the total kept."""
    cols = list(cols)
    total = sum(cols)
    if sum(need) > total:  # cannot fit: shares of the need
        return twips([max(1, n) for n in need], total)
    for _ in range(len(cols)):
        short = [i for i, (c, n) in enumerate(zip(cols, need, strict=True)) if c < n]
        if not short:
            break
        missing = sum(need[i] - cols[i] for i in short)
        for i in short:
            cols[i] = need[i]
        surplus = {i: cols[i] - need[i] for i in range(len(cols)) if cols[i] > need[i]}
        pool = sum(surplus.values())
        for i, extra in surplus.items():
            cols[i] -= int(missing * extra / pool + 0.999)
    cols[-1] += total - sum(cols)
    return cols


def twips(weights: Sequence[float], total: int = TEXT_WIDTH_TWIPS) -> list[int]:
    """Relative weights → column widths in twips that add up to ``total``."""
    s = float(sum(weights))
    out = [int(total * w / s) for w in weights]
    out[-1] += total - sum(out)
    return out


def table_properties(width: int, description: str | None = None) -> str:
    """``<w:tblPr>`` of a bordered table ``width`` twips wide, centred, fixed layout;
    ``description`` is its Alt Text (``vanban:fit`` …)."""
    alt = f'<w:tblDescription w:val="{description}"/>' if description else ""
    return (f'<w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
            f'w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>{alt}</w:tblPr>')


def table(header: Sequence[Sequence[CellLike]], rows: Sequence[Sequence[CellLike]],
          widths: Sequence[float], *, total_twips: int = TEXT_WIDTH_TWIPS) -> Markup:
    """A bordered table as one ``<w:tbl>`` followed by an empty small paragraph (so two tables
    never touch). ``header`` rows repeat at the top of every page."""
    cols = twips(widths, total_twips)
    ncols = len(cols)
    need = [max(a, b) for a, b in zip(min_widths(header, ncols, bold=True),
                                      min_widths(rows, ncols), strict=True)]
    cols = fit_widths(cols, need)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in cols)
    tbl_pr = table_properties(sum(cols))
    body = _rows(header, cols, "VBBangDau", True) + _rows(rows, cols, "VBBang", False)
    after = '<w:p><w:pPr><w:pStyle w:val="VBBang"/></w:pPr></w:p>'
    return Markup(f"<w:tbl>{tbl_pr}<w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>{after}")
