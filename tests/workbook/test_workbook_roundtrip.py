"""Export then import gives back exactly the data, for every template's example and every
fixture (nulls and empty lists aside: an empty cell is an absent field)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import vanban
from vanban.templates import REGISTRY
from vanban.workbook.layout import GENERAL, layout
from vanban.workbook.read import read_workbook
from vanban.workbook.write import workbook, workbook_bytes

ROOT = Path(__file__).resolve().parents[2]
CASES = [(t, "example", vanban.example(t)) for t in sorted(REGISTRY.specs)] + [
    (p.parent.parent.name, p.stem, json.loads(p.read_text("utf-8")))
    for p in sorted((ROOT / "templates_docx").glob("*/fixtures/*.json"))
    if p.parent.parent.name in REGISTRY.specs]


def _canon(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _canon(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_canon(v) for v in value]
    return value


def _typed(value: Any) -> Any:
    """Types matter too: 5 is not "5", 8.5 is not "8,5"."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__ if not isinstance(value, int | float) or isinstance(
        value, bool) else "number", value)


@pytest.mark.parametrize(("template_id", "name", "data"), CASES,
                         ids=[f"{t}/{n}" for t, n, _ in CASES])
def test_export_then_import_gives_the_data_back(template_id: str, name: str, data: dict):
    back = read_workbook(template_id, workbook_bytes(template_id, data))
    assert _typed(_canon(back)) == _typed(_canon(data))
    model = REGISTRY.get(template_id).model
    assert model.model_validate(back) == model.model_validate(data)


def test_every_template_has_a_general_sheet_and_one_sheet_per_table():
    for template_id in REGISTRY.specs:
        plan = layout(template_id)
        book = workbook(template_id, vanban.example(template_id))
        assert book.sheetnames[0] == GENERAL
        assert [t.name for t in plan.tables] == book.sheetnames[1:len(plan.tables) + 1]


def test_the_workbook_speaks_vietnamese_and_types_its_cells(tmp_path):
    path = tmp_path / "bang.xlsx"
    path.write_bytes(workbook_bytes("bang-cham-diem", vanban.example("bang-cham-diem")))
    book = load_workbook(path)
    general = book[GENERAL]
    labels = {general.cell(row=r, column=1).value: general.cell(row=r, column=2)
              for r in range(2, general.max_row + 1)}
    assert labels["Trích yếu *"].value == vanban.example("bang-cham-diem")["trich_yeu"]
    date = labels["Ngày ban hành *"]
    assert date.is_date and date.number_format == "DD/MM/YYYY"
    assert labels["Thể thức"].value == "Nhà nước"  # the choice's wording, with a drop-down
    assert any("Nhà nước" in str(book["_danh_muc"].cell(row=r, column=c).value)
               for r in range(1, 5) for c in range(1, 5))
    criteria = book["Các tiêu chí"]
    headers = [c.value for c in criteria[1]]
    assert headers[0] == "Mã dòng" and "Tự chấm" in headers and "Nội dung tiêu chí *" in headers
    assert criteria.cell(row=2, column=1).value == "1.1"
    score = criteria.cell(row=2, column=headers.index("Tự chấm") + 1)
    assert isinstance(score.value, int | float)
    assert book["_danh_muc"].sheet_state == "hidden"


def test_every_column_has_a_header():
    for template_id in REGISTRY.specs:
        for table in layout(template_id).tables:
            labels = [c.label for c in table.columns]
            assert all(labels), (template_id, table.name)
            assert len(set(labels)) == len(labels), (template_id, table.name)


def test_the_workbook_explains_itself():
    book = workbook("bang-cham-diem", vanban.example("bang-cham-diem"))
    guide = book["Hướng dẫn"]
    text = "\n".join(str(c.value) for c in guide["A"] if c.value)
    assert "Mã dòng" in text and "1.2.1" in text and "20/06/2024" in text
