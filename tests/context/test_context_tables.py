"""Tables as blocks: repeated header rows, merged cells, escaping, widths."""

from __future__ import annotations

import pytest
from lxml import etree

from vanban.context.tables import Cell, table, twips
from vanban.the_thuc.families import TEXT_WIDTH_TWIPS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parse(xml) -> etree._Element:
    root = etree.fromstring(
        f'<w:body xmlns:w="{W[1:-1]}">{xml}</w:body>'.encode())
    return root.find(f"{W}tbl")


def grid_of(tbl) -> list[list[tuple[str, int, str | None]]]:
    out = []
    for tr in tbl.iter(f"{W}tr"):
        row = []
        for tc in tr.findall(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            row.append(("".join(t.text or "" for t in tc.iter(f"{W}t")),
                        int(span.get(f"{W}val")) if span is not None else 1,
                        None if merge is None else (merge.get(f"{W}val") or "continue")))
        out.append(row)
    return out


def test_header_rows_repeat_and_merged_cells():
    tbl = parse(table(
        header=[[Cell("TT", rowspan=2), Cell("Chỉ tiêu", rowspan=2), Cell("Kết quả", colspan=2)],
                ["Kế hoạch", "Thực hiện"]],
        rows=[["1", "Tỷ lệ <đạt> & vượt", "100", "104"]],
        widths=[1, 5, 2, 2]))
    rows = tbl.findall(f"{W}tr")
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows] == [True, True, False]
    assert grid_of(tbl) == [
        [("TT", 1, "restart"), ("Chỉ tiêu", 1, "restart"), ("Kết quả", 2, None)],
        [("", 1, "continue"), ("", 1, "continue"), ("Kế hoạch", 1, None),
         ("Thực hiện", 1, None)],
        [("1", 1, None), ("Tỷ lệ <đạt> & vượt", 1, None), ("100", 1, None), ("104", 1, None)],
    ]
    widths = [int(g.get(f"{W}w")) for g in tbl.iter(f"{W}gridCol")]
    assert sum(widths) == TEXT_WIDTH_TWIPS and abs(widths[1] - 5 * widths[0]) <= 5


def test_short_rows_are_padded_and_long_rows_refused():
    tbl = parse(table(header=[["A", "B", "C"]], rows=[["1"]], widths=[1, 1, 1]))
    assert [len(r) for r in grid_of(tbl)] == [3, 3]
    with pytest.raises(ValueError):
        table(header=[["A"]], rows=[["1", "2"]], widths=[1])


def test_twips_add_up():
    assert sum(twips([1, 2, 3], 1000)) == 1000
