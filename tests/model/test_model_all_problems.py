"""Validation comes in one round: a type error in one field does not hide the rule errors of
the others (``vanban.model.partial``), and advice never leads into a new JSON syntax error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vanban
from vanban.model import json_input

ROOT = Path(__file__).resolve().parents[2]
BANG = (ROOT / "templates_docx" / "bang-cham-diem" / "fixtures"
     / "nha-nuoc-lao-cai-so-tu-phap-2021.json")


def _problems(template_id: str, data) -> list:
    with pytest.raises(vanban.InputError) as caught:
        vanban.validate(template_id, data)
    return caught.value.problems


def test_type_error_does_not_hide_rule_errors():
    data = json.loads(BANG.read_text("utf-8"))
    criteria = data["noi_dung"]["nhom"][0]["tieu_chi"]
    criteria[0]["tu_cham"] = "8,5"  # a type error
    criteria[1]["tu_cham"] = criteria[1]["diem_chuan"] + 5  # a rule error elsewhere
    data["nguoi_ky"]["quyen_han"] = "KT"
    data["nguoi_ky"].pop("thay_cho", None)  # an envelope rule error
    data["so"] = "abc"  # a type error at the top
    found = {(p.code, p.path) for p in _problems("bang-cham-diem", data)}
    assert ("input.float_type", "noi_dung.nhom[0].tieu_chi[0].tu_cham") in found
    assert ("input.int_type", "so") in found
    assert ("bang-cham-diem.vuot-diem-chuan", "noi_dung.nhom[0].tieu_chi[1].tu_cham") in found
    assert ("nguoi_ky.thay_cho", "nguoi_ky.thay_cho") in found


def test_no_rule_error_is_invented_next_to_a_stand_in():
    data = json.loads(BANG.read_text("utf-8"))
    data["noi_dung"]["nhom"][0]["tieu_chi"][0]["diem_chuan"] = "mười"
    found = _problems("bang-cham-diem", data)
    assert [(p.code, p.path) for p in found] == [
        ("input.float_type", "noi_dung.nhom[0].tieu_chi[0].diem_chuan")]


def test_a_missing_required_field_and_a_rule_error():
    data = vanban.example("cong-van")
    del data["trich_yeu"]
    data["nguoi_ky"]["quyen_han"] = "TM"
    data["nguoi_ky"].pop("thay_cho", None)
    found = {(p.code, p.path) for p in _problems("cong-van", data)}
    assert ("input.missing", "trich_yeu") in found and ("nguoi_ky.thay_cho",
                                                         "nguoi_ky.thay_cho") in found


@pytest.mark.parametrize(("typed", "advice"), [
    ("05", "viết 5 "), ("12", "viết 12 "), ("1.234", "viết 1234 ")])
def test_integer_advice_is_valid_json(typed, advice):
    data = vanban.example("cong-van")
    data["so"] = typed
    message = _problems("cong-van", data)[0].message
    assert advice in message
    written = message.split("viết ", 1)[1].split(" ", 1)[0]
    data["so"] = json.loads(written)  # what the advice says to write parses as JSON …
    vanban.validate("cong-van", data)  # … and is accepted


@pytest.mark.parametrize(("typed", "written"), [("8,5", "8.5"), ("08", "8"), ("1.234", "1234")])
def test_number_advice_is_valid_json(typed, written):
    data = json.loads(BANG.read_text("utf-8"))
    data["noi_dung"]["nhom"][0]["tieu_chi"][0]["tu_cham"] = typed
    message = _problems("bang-cham-diem", data)[0].message
    assert f"viết {written} (" in message
    assert json.loads(written) == float(written)


def test_curly_quotes_are_explained_for_what_they_are():
    for text in ('{"so": “5”}', '{“so”: 5}'):
        with pytest.raises(vanban.InputError) as caught:
            json_input.loads(text)
        message = caught.value.problems[0].message
        assert "ngoặc kép cong" in message and "thiếu giá trị" not in message
    with pytest.raises(vanban.InputError) as caught:
        json_input.loads('{"trich_yeu": "Về việc”,\n "so": 1}')
    assert "ngoặc kép cong" in caught.value.problems[0].message
