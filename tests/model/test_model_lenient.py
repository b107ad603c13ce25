"""What clerks type (``20/06/2024``, ``8,5``, ``1.234``, ``tốt``, ``KT.``) → the strict input,
with a note for each value read differently; unreadable values are left for validation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import vanban
from vanban.model.lenient import normalise, read_date, read_number

ROOT = Path(__file__).resolve().parents[2]
BANG = (ROOT / "templates_docx" / "bang-cham-diem" / "fixtures"
     / "nha-nuoc-lao-cai-so-tu-phap-2021.json")
KHOI = (ROOT / "templates_docx" / "bao-cao-khoi-thi-dua" / "fixtures"
     / "nha-nuoc-lao-cai-khoi-tong-hop-2021.json")


@pytest.mark.parametrize(("typed", "iso"), [
    ("20/06/2024", "2024-06-20"), ("20-6-2024", "2024-06-20"), ("20.6.2024", "2024-06-20"),
    ("2025-6-5", "2025-06-05"), ("ngày 20 tháng 6 năm 2024", "2024-06-20"),
    ("Ngày 05 tháng 01 năm 2022", "2022-01-05"), ("6/2024", "2024-06"),
    ("tháng 6 năm 2024", "2024-06"), ("2024", "2024"), (dt.date(2024, 6, 20), "2024-06-20"),
    (dt.datetime(2024, 6, 20, 0, 0), "2024-06-20"),
])
def test_dates_as_clerks_type_them(typed, iso):
    assert read_date(typed) == iso


@pytest.mark.parametrize("typed", ["32/1/2024", "20/13/2024", "hôm qua", "ngày 5 năm 2024"])
def test_impossible_dates_are_left_alone(typed):
    assert read_date(typed) is None


@pytest.mark.parametrize(("typed", "number"), [
    ("8,5", 8.5), ("1.234", 1234), ("1.234,5", 1234.5), ("8.5", 8.5), ("05", 5), ("-3", -3),
    (" 12 ", 12), ("1 234", 1234), ("6-8", None), ("abc", None), ("", None),
])
def test_vietnamese_numbers(typed, number):
    assert read_number(typed) == number


def test_a_typed_form_becomes_valid_input_with_notes():
    data = json.loads(BANG.read_text("utf-8"))
    data["ngay"] = "20/06/2024"
    data["so"] = "05"
    data["the_thuc"] = "Nhà nước"
    data["nguoi_ky"]["quyen_han"] = "kt."
    data["nguoi_ky"]["thay_cho"] = "GIÁM ĐỐC"
    data["noi_dung"]["nhom"][0]["tieu_chi"][0]["tu_cham"] = "8,5"
    data["noi_dung"]["diem_tru"]["vi_pham_quy_che_khoi"] = "Có"
    with pytest.raises(vanban.InputError):
        vanban.validate("bang-cham-diem", data)
    strict, notes = normalise("bang-cham-diem", data)
    vanban.validate("bang-cham-diem", strict)
    assert strict["ngay"] == "2024-06-20" and strict["so"] == 5
    assert strict["the_thuc"] == "nha-nuoc" and strict["nguoi_ky"]["quyen_han"] == "KT"
    assert strict["noi_dung"]["nhom"][0]["tieu_chi"][0]["tu_cham"] == 8.5
    assert strict["noi_dung"]["diem_tru"]["vi_pham_quy_che_khoi"] is True
    by_path = {n.path: n.to_dict() for n in notes}
    assert by_path["ngay"] == {"path": "ngay", "from": "20/06/2024", "to": "2024-06-20",
                               "message": "20/06/2024 → ngày 20 tháng 6 năm 2024"}
    assert by_path["noi_dung.nhom[0].tieu_chi[0].tu_cham"]["to"] == 8.5


def test_level_names_match_without_case_or_trailing_dot():
    text = KHOI.read_text("utf-8").replace('"xep_loai": "Tốt"', '"xep_loai": "tốt."', 1)
    data = json.loads(text)
    with pytest.raises(vanban.InputError):
        vanban.validate("bao-cao-khoi-thi-dua", data)
    strict, notes = normalise("bao-cao-khoi-thi-dua", data)
    vanban.validate("bao-cao-khoi-thi-dua", strict)
    assert [(n.before, n.after) for n in notes] == [("tốt.", "Tốt")]


def test_valid_input_is_unchanged_and_silent():
    for template_id in ("cong-van", "bang-cham-diem", "bien-ban-hop-xet", "ke-hoach-thi-dua"):
        data = vanban.example(template_id)
        assert normalise(template_id, data) == (data, [])


def test_lines_and_empty_optional_fields():
    data = vanban.example("cong-van")
    data["noi_nhan"] = "Như trên;\nLưu: VT."
    data["ky_hieu"] = ""
    strict, _ = normalise("cong-van", data)
    assert strict["noi_nhan"] == ["Như trên;", "Lưu: VT."] and "ky_hieu" not in strict


def test_unreadable_values_stay_for_validation_to_name():
    data = vanban.example("cong-van")
    data["ngay"] = "hôm qua"
    data["so"] = "năm"
    strict, notes = normalise("cong-van", data)
    assert strict["ngay"] == "hôm qua" and strict["so"] == "năm" and notes == []
