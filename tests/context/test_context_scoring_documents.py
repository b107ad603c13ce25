"""The figures printed in the three scoring documents equal those of ``vanban compute`` (read
back from the .docx), and a wide table sits in its own landscape section."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

import vanban
from vanban.context.landscape import LANDSCAPE_TEXT_TWIPS
from vanban.context.tables import CELL_MARGINS_TWIPS, TABLE_PT
from vanban.the_thuc.metrics import text_width_pt
from vanban.vi.numbers import so

ROOT = Path(__file__).resolve().parents[2]


def _fixture(template: str, name: str) -> dict:
    return json.loads((ROOT / "templates_docx" / template / "fixtures"
            / f"{name}.json").read_text("utf-8"))


def _doc(template: str, data: dict):
    return Document(io.BytesIO(vanban.render(template, data)))


def _table(doc, first_header: str, second_header: str):
    for t in doc.tables:
        cells = [c.text for c in t.rows[0].cells]
        if cells[:2] == [first_header, second_header]:
            return t
    raise AssertionError(f"no table headed {first_header!r}, {second_header!r}")


def _pt(x) -> str:
    return "" if x is None else so(x)


@pytest.fixture(scope="module")
def bang():
    data = _fixture("bang-cham-diem", "nha-nuoc-lao-cai-so-tu-phap-2021")
    return data, vanban.compute("bang-cham-diem", data), _doc("bang-cham-diem", data)


def test_scoring_table_prints_the_computed_figures(bang):
    data, figures, doc = bang
    rows = [[c.text for c in r.cells] for r in _table(doc, "TT", "Nội dung tiêu chí").rows]
    by_label = {r[1].split(" (")[0]: r for r in rows}
    for group in figures["nhom"]:
        head = next(r for r in rows if r[0] == group["ma"])
        assert head[5] == _pt(group["diem_toi_da"]) and head[7] == _pt(group["diem"])
        sub = next(r for r in rows if r[1].startswith(f"Cộng mục {group['ma']}"))
        assert sub[5] == _pt(group["diem_chuan"]) and sub[7] == _pt(group["diem"])
    capped = next(r for r in rows if r[1].startswith("Cộng mục I "))
    assert "cộng 63,5 điểm; tính tối đa 60 điểm" in capped[1]
    assert by_label["Điểm thưởng"][7] == _pt(figures["diem_thuong"]["diem"])
    assert by_label["Điểm trừ"][7] == _pt(figures["diem_tru"]["tong"])
    assert rows[-1][1].startswith("TỔNG ĐIỂM") and rows[-1][7] == _pt(figures["tong_diem"])
    level = next(r for r in rows if r[1] == "Công tác phổ biến, giáo dục pháp luật")
    assert level[5].split("\n")[0] == "Tốt: 20" and level[7] == "20\n(Tốt)"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"Tổng điểm tự chấm: {_pt(figures['tong_diem'])} điểm" in text
    assert "BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2021" in text


def test_wide_scoring_table_makes_the_whole_document_landscape(bang):
    """The table is the document: one landscape section (NĐ 30/2020 Phụ lục I allows it), the
    table right after the header (issue 17: no portrait page 1 with the header alone)."""
    _, _, doc = bang
    sections = doc.sections
    assert [s.orientation for s in sections] == [WD_ORIENT.LANDSCAPE]
    assert sections[0].page_width > sections[0].page_height
    # the first page alone has no page number
    assert sections[0].different_first_page_header_footer is True
    assert sections[0].header.paragraphs
    body = doc.element.body
    assert not body.xpath("./w:p[w:pPr/w:sectPr]")
    scoring = _table(doc, "TT", "Nội dung tiêu chí")._tbl
    header = body.xpath("./w:tbl")[0]
    wide = str(LANDSCAPE_TEXT_TWIPS)
    assert scoring.xpath("./w:tblPr/w:tblW/@w:w") == [wide]
    assert header.xpath("./w:tblPr/w:tblW/@w:w") == [wide]  # the header spreads too


def test_narrow_table_stays_portrait_and_blank_form_has_no_scores():
    data = _fixture("bang-cham-diem", "dang-yen-bai-tieu-chuan-2-2022")
    doc = _doc("bang-cham-diem", data)
    assert len(doc.sections) == 1 and doc.sections[0].different_first_page_header_footer
    rows = [[c.text for c in r.cells] for r in _table(doc, "TT", "Nội dung tiêu chí").rows]
    assert rows[1][:2] == ["2", "Tiêu chuẩn 2: Thực hiện nhiệm vụ kế hoạch hằng năm"]
    assert rows[1][5] == "450" and rows[1][7] == ""
    assert rows[-1][5] == "450" and rows[-1][6] == "50" and rows[-1][7] == ""
    assert vanban.compute("bang-cham-diem", data)["chua_cham"]


def test_ranking_document_prints_the_computed_ranks():
    data = _fixture("xep-hang-khoi-thi-dua", "nha-nuoc-lao-cai-khoi-tong-hop-2021")
    figures = vanban.compute("xep-hang-khoi-thi-dua", data)
    doc = _doc("xep-hang-khoi-thi-dua", data)
    rows = [[c.text for c in r.cells] for r in _table(doc, "Hạng", "Đơn vị").rows[1:]]
    assert [(r[0], r[1], r[5]) for r in rows] == [
        (str(u["hang"]) if u["hang"] else "—", u["ten"], _pt(u["tong_diem"]))
        for u in figures["xep_hang"]]
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "4", "4", "7", "—"]
    assert rows[-1][6].startswith("Không xét thi đua")
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Đề nghị Cờ thi đua của UBND tỉnh (01 đơn vị): Sở Nội vụ." in text
    assert ("Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen (05 đơn vị): Sở Kế hoạch và Đầu tư, "
            "Sở Tài chính, Sở Tư pháp, Thanh tra tỉnh, Văn phòng UBND tỉnh.") in text


def test_bloc_report_prints_the_computed_percentages_in_landscape():
    data = _fixture("bao-cao-khoi-thi-dua", "nha-nuoc-lao-cai-khoi-tong-hop-2021")
    figures = vanban.compute("bao-cao-khoi-thi-dua", data)
    doc = _doc("bao-cao-khoi-thi-dua", data)
    table = _table(doc, "TT", "Đơn vị")
    rows = [[c.text for c in r.cells] for r in table.rows[2:]]
    for row, unit in zip(rows, figures["so_sanh"]["don_vi"], strict=False):
        assert row[1] == unit["don_vi"]
        assert row[4::3] == [_pt(v["ty_le"]) for v in unit["so_lieu"]]
    total = rows[-1]
    assert total[1] == "Toàn khối" and total[2:5] == ["", "", ""]  # a % target does not add up
    assert total[5:8] == [_pt(figures["so_sanh"]["toan_khoi"][1][k])
                          for k in ("chi_tieu", "thuc_hien", "ty_le")]
    assert [s.orientation for s in doc.sections][1] == WD_ORIENT.LANDSCAPE
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Khối các cơ quan tổng hợp gồm 08 đơn vị thành viên" in text
    assert "Có 08/08 đơn vị thành viên tham gia ký giao ước thi đua." in text
    assert "03 tập thể được Chủ tịch UBND tỉnh công nhận danh hiệu “Tập thể lao động xuất sắc”" \
        in text


def _section_of(doc, table) -> int:
    """Index of the section holding ``table`` (a paragraph's sectPr ends a section)."""
    index = 0
    for child in doc.element.body.iterchildren():
        if child is table._tbl:
            return index
        if child.tag.endswith("}p") and child.find(f"{W}pPr/{W}sectPr") is not None:
            index += 1
    raise AssertionError("table not in the body")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize(("template", "name"), sorted(
    (p.parts[-3], p.stem) for t in ("bao-cao-khoi-thi-dua", "xep-hang-khoi-thi-dua")
    for p in (ROOT / "templates_docx" / t / "fixtures").glob("*.json")
    if '"bang_cham_diem"' in p.read_text("utf-8")))  # the fixtures whose members send a table
def test_member_scoring_tables_are_landscape_with_whole_level_lines(template, name):
    """Issue 17: a member's scoring table inside the bloc report (and the ranking) printed
    "Hoàn / thành / xuất sắc / nhiệm / vụ: 10" one word a line in a portrait column. It goes to
    the landscape annex, and its "Điểm chuẩn" column holds the longest level line whole."""
    data = _fixture(template, name)
    doc = _doc(template, data)
    members = [t for t in doc.tables if [c.text for c in t.rows[0].cells][:2]
               == ["TT", "Nội dung tiêu chí"]]
    assert members, "the fixture has a member's scoring table"
    for t in members:
        assert doc.sections[_section_of(doc, t)].orientation == WD_ORIENT.LANDSCAPE
        lines = [line for r in t.rows[1:] for line in r.cells[5].text.split("\n")
                 if ":" in line]
        assert lines, "a criterion scored by levels"
        widest = max(text_width_pt(line, TABLE_PT) for line in lines)
        grid = [int(g.get(f"{W}w")) for g in t._tbl.iter(f"{W}gridCol")]
        assert grid[5] - CELL_MARGINS_TWIPS >= widest * 20, (grid, widest)
