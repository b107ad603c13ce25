"""Reading a workbook a clerk edited: text as typed (``20/06/2024``, ``8,5``), real dates,
problems located by sheet, row and column, formulas without values, zip bombs, CSV."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile

import pytest
from openpyxl import load_workbook

import vanban
from vanban.workbook.layout import GENERAL
from vanban.workbook.read import read_upload, read_workbook
from vanban.workbook.write import workbook_bytes


def _book(template_id: str = "bang-cham-diem"):
    return load_workbook(io.BytesIO(workbook_bytes(template_id, vanban.example(template_id))))


def _save(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _general_row(book, label: str) -> int:
    sheet = book[GENERAL]
    return next(r for r in range(2, sheet.max_row + 1)
                if sheet.cell(row=r, column=1).value == label)


def _column(sheet, header: str) -> int:
    return next(c.column for c in sheet[1] if c.value == header)


def test_an_edited_text_cell_is_read():
    book = _book()
    book[GENERAL].cell(row=_general_row(book, "Trích yếu *"), column=2,
                       value="Bảng chấm điểm năm 2024 (đã sửa)")
    criteria = book["Các tiêu chí"]
    criteria.cell(row=2, column=_column(criteria, "Nội dung tiêu chí *"), value="Tiêu chí mới")
    data = read_workbook("bang-cham-diem", _save(book))
    assert data["trich_yeu"] == "Bảng chấm điểm năm 2024 (đã sửa)"
    assert data["noi_dung"]["nhom"][0]["tieu_chi"][0]["ten"] == "Tiêu chí mới"


def test_a_date_typed_as_text_and_a_real_date():
    book = _book()
    cell = book[GENERAL].cell(row=_general_row(book, "Ngày ban hành *"), column=2)
    cell.value, cell.number_format = "20/06/2024", "@"
    assert read_workbook("bang-cham-diem", _save(book))["ngay"] == "2024-06-20"
    cell.value, cell.number_format = dt.datetime(2025, 6, 5), "DD/MM/YYYY"
    assert read_workbook("bang-cham-diem", _save(book))["ngay"] == "2025-06-05"


def test_a_decimal_comma_typed_as_text_is_a_number():
    book = _book()
    criteria = book["Các tiêu chí"]
    criteria.cell(row=2, column=_column(criteria, "Tự chấm"), value="8,5")
    data = read_workbook("bang-cham-diem", _save(book))
    assert data["noi_dung"]["nhom"][0]["tieu_chi"][0]["tu_cham"] == 8.5


def test_a_bad_number_cell_is_located_by_sheet_row_and_column():
    book = _book()
    criteria = book["Các tiêu chí"]
    col = _column(criteria, "Tự chấm")
    criteria.cell(row=3, column=col, value="tám")
    with pytest.raises(vanban.InputError) as caught:
        read_workbook("bang-cham-diem", _save(book))
    found = caught.value.problems[0].to_dict()
    letter = criteria.cell(row=3, column=col).column_letter
    assert found["path"] == "noi_dung.nhom[0].tieu_chi[1].tu_cham"
    assert (found["sheet"], found["row"], found["column"]) == ("Các tiêu chí", 3, letter)
    assert found["message"].startswith(f"Trang “Các tiêu chí”, ô {letter}3:")


def test_rows_belong_to_their_parent_by_number():
    book = _book()
    criteria = book["Các tiêu chí"]
    last = criteria.max_row + 1
    criteria.cell(row=last, column=1, value="1.9")
    criteria.cell(row=last, column=_column(criteria, "Nội dung tiêu chí *"), value="Thêm")
    criteria.cell(row=last, column=_column(criteria, "Điểm chuẩn"), value=0)
    data = read_workbook("bang-cham-diem", _save(book))
    assert data["noi_dung"]["nhom"][0]["tieu_chi"][-1]["ten"] == "Thêm"
    criteria.cell(row=last, column=1, value="7.1")
    with pytest.raises(vanban.InputError) as caught:
        read_workbook("bang-cham-diem", _save(book))
    found = caught.value.problems[0]
    assert found.code == "import.row-parent" and found.extra["row"] == last


def test_a_formula_without_a_saved_value_asks_to_save_in_excel():
    book = _book()
    criteria = book["Các tiêu chí"]
    criteria.cell(row=2, column=_column(criteria, "Tự chấm"), value="=10+5")
    with pytest.raises(vanban.InputError) as caught:
        read_workbook("bang-cham-diem", _save(book))
    found = caught.value.problems[0]
    assert found.code == "import.formula" and "mở tệp bằng Excel, lưu lại" in found.message
    assert found.extra["sheet"] == "Các tiêu chí" and found.extra["row"] == 2


def test_an_xlsx_zip_bomb_is_refused_under_the_limits():
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (40 * 1024 * 1024) + b"</a>")
    with pytest.raises(vanban.LimitError) as caught:
        read_upload("bang-cham-diem", content.getvalue(), "bom.xlsx")
    assert caught.value.problems[0].code in ("upload.ratio", "upload.too-large")


def test_other_files_are_told_what_they_are():
    with pytest.raises(vanban.InputError) as caught:
        read_upload("bang-cham-diem", b"%PDF-1.7 ...", "bang.xlsx")
    assert caught.value.problems[0].code == "upload.not-xlsx"
    docx = vanban.render("cong-van", vanban.example("cong-van"))
    with pytest.raises(vanban.InputError) as caught:
        read_upload("cong-van", docx, "cong-van.xlsx")
    assert caught.value.problems[0].code == "upload.not-xlsx"


def _windows_vietnamese(text: str) -> bytes:
    """Text as Excel saves a CSV on a Vietnamese Windows (cp1258: letters with ^, ˘, ơ, ư
    precomposed, tone marks as combining characters)."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


def test_a_csv_of_one_list():
    text = ("Mã dòng;Họ tên / tên tập thể *;Đối tượng *;Hình thức đề nghị *;Ghi chú\n"
            "1;Phòng Tổ chức cán bộ;Tập thể;Bằng khen;\n"
            "2;Nguyễn Thị Bình;ca_nhan;Bằng khen;8,5 điểm\n")
    for content in (text.encode("utf-8"), _windows_vietnamese(text)):
        data = read_upload("to-trinh-khen-thuong", content, "danh-sach.csv")
        rows = data["noi_dung"]["danh_sach"]
        assert [r["ten"] for r in rows] == ["Phòng Tổ chức cán bộ", "Nguyễn Thị Bình"]
        assert rows[0]["doi_tuong"] == "tap_the" and rows[1]["ghi_chu"] == "8,5 điểm"


def test_only_workbook_problems_carry_cells():
    """A JSON syntax problem keeps its own line/column (numbers) in ``extra``; only a cell of
    an imported workbook adds ``sheet``, ``row``, ``column`` to the problem itself."""
    from vanban.model import json_input

    with pytest.raises(vanban.InputError) as caught:
        json_input.loads('{"so": 1,}')
    found = caught.value.problems[0].to_dict()
    assert "sheet" not in found and "column" not in found
    assert isinstance(found["extra"]["column"], int)


def test_a_workbook_sent_as_json_data_is_told_where_to_go():
    """Before: an .xlsx given as the JSON data was told to “re-save as UTF-8”."""
    from vanban.model import json_input

    content = workbook_bytes("cong-van", vanban.example("cong-van"))
    with pytest.raises(vanban.InputError) as caught:
        json_input.loads(content)
    found = caught.value.problems[0]
    assert found.code == "input.office-file" and "Nhập từ Excel" in found.message
    assert "UTF-8" not in found.message
