"""Bad input: every problem reported at once, with its JSON path and a Vietnamese message."""

from __future__ import annotations

import copy
import json
import unicodedata

import pytest

import vanban
from conftest import TEMPLATE, fixture_data
from vanban.check.docx_facts import load
from vanban.ooxml import validate_docx

BASE = "nha-nuoc-mau-01-tong-ket-2021"


def base() -> dict:
    return copy.deepcopy(fixture_data(BASE))


def problems(data) -> dict[str, str]:
    with pytest.raises(vanban.InputError) as info:
        vanban.validate(TEMPLATE, data)
    return {p.path: p.code for p in info.value.problems}


@pytest.mark.parametrize("field", ["co_quan", "dia_danh", "ngay", "trich_yeu", "nguoi_ky",
                                   "noi_dung"])
def test_missing_envelope_field(field):
    data = base()
    del data[field]
    assert problems(data) == {field: "input.missing"}


def test_all_problems_at_once():
    data = base()
    del data["dia_danh"]
    data["so"] = "năm"
    data["ngay"] = "2022-13-40"
    data["noi_dung"]["khen_thuong"][0]["ten"] = "Chiến sĩ thi đua cấp xã"
    found = problems(data)
    assert found == {
        "dia_danh": "input.missing",
        "so": "input.int_type",
        "ngay": "date.invalid",
        "noi_dung.khen_thuong[0].ten": "award.unknown",
    }


@pytest.mark.parametrize(("path", "value", "code"), [
    (("so",), "12a", "input.int_type"),
    (("so",), 0, "input.greater_than_equal"),
    (("du_thao",), "có", "input.bool_type"),
    (("noi_nhan",), "Lưu: VT", "input.list_type"),
    (("the_thuc",), "tinh-uy", "input.literal_error"),
    (("nguoi_ky", "quyen_han"), "KT.", "input.literal_error"),
    (("noi_dung", "khen_thuong", 0, "ca_nhan"), -1, "input.greater_than_equal"),
    (("noi_dung", "khen_thuong", 0, "ca_nhan"), 1.5, "input.int_type"),
    # The published schema says integer: a numeric string is refused, with a hint.
    (("noi_dung", "ky", "nam"), "2022", "input.int_type"),
])
def test_wrong_types(path, value, code):
    data = base()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    expected = ".".join(str(p) for p in path).replace(".0.", "[0].")
    if code is None:
        vanban.validate(TEMPLATE, data)
    else:
        assert problems(data) == {expected: code}


@pytest.mark.parametrize("ngay", ["2022-13-40", "2022-02-30", "2023-02-29", "15/06/2022",
                                  "2022-6-5", "", "năm 2022"])
def test_bad_dates(ngay):
    data = base()
    data["ngay"] = ngay
    assert problems(data) == {"ngay": "date.invalid"}


def test_unknown_key_is_an_error_not_dropped():
    data = base()
    data["noi_dung"]["han_ch"] = ["typo"]
    data["co_quan"]["dia_chi"] = "x"
    assert problems(data) == {"noi_dung.han_ch": "input.extra_forbidden",
                              "co_quan.dia_chi": "input.extra_forbidden"}


def test_unknown_award_suggests_close_names():
    data = base()
    data["noi_dung"]["khen_thuong"][1]["ten"] = "Chiến sĩ thi đua cấp xã"
    with pytest.raises(vanban.InputError) as info:
        vanban.validate(TEMPLATE, data)
    (p,) = info.value.problems
    assert p.path == "noi_dung.khen_thuong[1].ten"
    assert "Chiến sĩ thi đua cơ sở" in p.extra["suggestions"]
    assert "Chiến sĩ thi đua cơ sở" in p.message


@pytest.mark.parametrize("variant", ["Chiến sỹ thi đua cơ sở", "Chiến sĩ thi đua cấp cơ sở",
                                     "chiến sĩ thi đua cơ sở"])
def test_spelling_variants_map_to_canonical(variant):
    data = base()
    data["noi_dung"]["khen_thuong"] = [{"ten": variant, "ca_nhan": 2}]
    text = "\n".join(p.text for p in load(vanban.render(TEMPLATE, data)).paragraphs)
    assert "02 cá nhân được công nhận danh hiệu “Chiến sĩ thi đua cơ sở”" in text


@pytest.mark.parametrize("char", ["\x07", "\x00", "\x1b", "\ufffe"])
def test_control_characters_rejected_with_path(char):
    data = base()
    data["noi_dung"]["han_che"][0] = f"Hạn chế{char} một"
    data["co_quan"]["ten"] = f"SỞ{char}"
    found = problems(data)
    assert found == {"noi_dung.han_che[0]": "text.control-char",
                     "co_quan.ten": "text.control-char"}


def test_award_without_counts():
    data = base()
    data["noi_dung"]["khen_thuong"][0] = {"ten": "Giấy khen"}
    assert problems(data) == {"noi_dung.khen_thuong[0]": "award.no-count"}


def test_authority_needs_whom():
    data = base()
    del data["nguoi_ky"]["thay_cho"]
    assert problems(data) == {"nguoi_ky.thay_cho": "nguoi_ky.thay_cho"}


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b"\xff\xfe", "null"])
def test_malformed_input(raw):
    with pytest.raises(vanban.InputError) as info:
        vanban.validate(TEMPLATE, raw)
    assert info.value.problems[0].code in {"input.json", "input.not-object", "input.encoding"}


def test_unknown_template():
    with pytest.raises(vanban.UnknownTemplateError) as info:
        vanban.validate("khong-co", {})
    assert info.value.status == 404 and "bao-cao-thi-dua" in info.value.problems[0].message


SPECIAL = [
    "Tổng kết <b>không phải thẻ</b> & “ngoặc kép” \"thẳng\" 'đơn' A&B <w:t>",
    "Giá trị 5 < 6 > 4 && x; ]]> <![CDATA[ x ]]> &amp; &#x41;",
    "{{ khong_phai_jinja }} {% if %} {#",
]


@pytest.mark.parametrize("text", SPECIAL)
def test_markup_characters_appear_literally_and_docx_stays_valid(text):
    data = base()
    data["trich_yeu"] = text
    data["noi_dung"]["han_che"] = [text]
    data["noi_nhan"] = [text, "Lưu: VT"]
    data["nguoi_ky"]["ho_ten"] = text
    data["noi_dung"]["khen_thuong"][0]["danh_sach"] = [text]
    docx = vanban.render(TEMPLATE, data)
    assert validate_docx(docx) == []
    paragraphs = [p.text for p in load(docx).paragraphs]
    assert paragraphs.count(text) >= 2  # hạn chế, signer
    assert text in " ".join(paragraphs)  # the abstract, which vanban breaks over lines
    assert any(p.startswith(f"- {text}") for p in paragraphs)  # nơi nhận line
    assert any(f"(gồm: {text})" in p for p in paragraphs)


def test_nfd_input_is_normalised_to_nfc():
    data = base()
    nfd = unicodedata.normalize("NFD", "Phong trào thi đua “Dân vận khéo” của Hội Nông dân")
    assert nfd != unicodedata.normalize("NFC", nfd)
    data["noi_dung"]["han_che"] = [nfd]
    text = "\n".join(p.text for p in load(vanban.render(TEMPLATE, data)).paragraphs)
    assert unicodedata.normalize("NFC", nfd) in text
    assert nfd not in text


def test_json_bytes_and_text_are_accepted():
    data = base()
    raw = json.dumps(data, ensure_ascii=False)
    assert vanban.render(TEMPLATE, raw)[:2] == b"PK"
    assert vanban.render(TEMPLATE, raw.encode("utf-8"))[:2] == b"PK"


def test_deputy_for_a_collective_needs_the_kt_line_in_state_documents():
    data = base()
    data["nguoi_ky"] = {"quyen_han": "TM", "thay_cho": "ỦY BAN NHÂN DÂN",
                        "chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "Lê Văn C"}
    assert problems(data) == {"nguoi_ky.ky_thay": "nguoi_ky.ky_thay"}
    data["nguoi_ky"]["ky_thay"] = "CHỦ TỊCH"
    paragraphs = [p.text for p in load(vanban.render(TEMPLATE, data)).paragraphs]
    at = paragraphs.index("TM. ỦY BAN NHÂN DÂN")
    assert paragraphs[at: at + 3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_party_documents_have_no_kt_line_for_a_deputy():
    data = fixture_data("dang-yen-bai-so-ket-6-thang-2022")
    data["nguoi_ky"]["ky_thay"] = "BÍ THƯ"
    assert problems(data) == {"nguoi_ky.ky_thay": "nguoi_ky.ky_thay"}


def test_control_character_message_names_the_code_point():
    data = vanban.example("bang-cham-diem")
    data["noi_dung"]["nhom"][0]["tieu_chi"][0]["ke_hoach"] = "a\x01"
    data["trich_yeu"] = "Chấm điểm\x07"
    with pytest.raises(vanban.InputError) as exc:
        vanban.validate("bang-cham-diem", data)
    found = {p.path: p.message for p in exc.value.problems}
    assert "U+0001 ở vị trí 2" in found["noi_dung.nhom[0].tieu_chi[0].ke_hoach"]
    assert "U+0007 ở vị trí 10" in found["trich_yeu"]


def test_numeric_string_hint():
    data = base()
    data["noi_dung"]["ky"]["nam"] = "2022"
    with pytest.raises(vanban.InputError) as info:
        vanban.validate(TEMPLATE, data)
    assert "viết 2022 (không đặt trong dấu ngoặc kép)" in info.value.problems[0].message
