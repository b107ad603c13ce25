"""Official elements as text: số/ký hiệu, authority lines, dash lists, rules."""

from __future__ import annotations

import pytest

from vanban.the_thuc import blocks
from vanban.the_thuc.families import (
    FAMILIES,
    HEADER_RIGHT_TWIPS,
    QUOC_HIEU,
    TIEU_NGU,
    get_family,
)
from vanban.the_thuc.metrics import text_width_pt

STATE, PARTY, UNION = (get_family(f) for f in ("nha-nuoc", "dang", "cong-doan"))


@pytest.mark.parametrize(("family", "so", "kh", "expected"), [
    (STATE, 5, "BC-SNV", "Số: 05/BC-SNV"),
    (STATE, 12, "BC-SNV", "Số: 12/BC-SNV"),
    (STATE, 572, "SNV-TĐKT", "Số: 572/SNV-TĐKT"),
    (STATE, None, "BC-SNV", "Số: \xa0\xa0\xa0\xa0\xa0\xa0/BC-SNV"),
    (UNION, 3, "BC-CĐCS", "Số: 03/BC-CĐCS"),
    (PARTY, 12, "BC/ĐUK", "Số 12-BC/ĐUK"),
    (PARTY, None, "BC/ĐUK", "Số \xa0\xa0\xa0\xa0\xa0\xa0-BC/ĐUK"),
])
def test_so_ky_hieu(family, so, kh, expected):
    assert blocks.so_ky_hieu(family, so, kh) == expected


@pytest.mark.parametrize(("family", "loai", "cq", "dv", "expected"), [
    (STATE, "BC", "SNV", None, "BC-SNV"),
    (STATE, "BC", "SNV", "TĐKT", "BC-SNV-TĐKT"),
    (STATE, "", "SNV", "TĐKT", "SNV-TĐKT"),  # công văn: no type abbreviation
    (PARTY, "BC", "ĐUK", None, "BC/ĐUK"),
])
def test_ky_hieu(family, loai, cq, dv, expected):
    assert blocks.ky_hieu(family, loai, cq, dv) == expected


@pytest.mark.parametrize(("family", "qh", "thay", "expected"), [
    (STATE, "KT", "Giám đốc", "KT. GIÁM ĐỐC"),
    (STATE, "TM", "Ủy ban nhân dân", "TM. ỦY BAN NHÂN DÂN"),
    (STATE, "TL", "giám đốc", "TL. GIÁM ĐỐC"),
    (STATE, "TUQ", "GIÁM ĐỐC", "TUQ. GIÁM ĐỐC"),
    (STATE, "Q", "GIÁM ĐỐC", "Q. GIÁM ĐỐC"),
    (PARTY, "TM", "Ban Thường vụ", "T/M BAN THƯỜNG VỤ"),
    (PARTY, "KT", "BÍ THƯ", "K/T BÍ THƯ"),
    (STATE, None, None, ""),
])
def test_authority_line(family, qh, thay, expected):
    assert blocks.quyen_han_line(family, qh, thay) == expected


def test_dash_list_punctuation():
    assert blocks.dash_list(["Như trên", "- Ban TĐKT tỉnh,", "Lưu: VT, TĐKT."]) == [
        "- Như trên;", "- Ban TĐKT tỉnh;", "- Lưu: VT, TĐKT."]
    assert blocks.kinh_gui_lines(["Ủy ban nhân dân tỉnh"]) == ["Ủy ban nhân dân tỉnh"]


def test_quoc_hieu_fits_on_one_line_in_the_right_column():
    width = text_width_pt(QUOC_HIEU, STATE.sizes.quoc_hieu, bold=True) * 20
    assert width < HEADER_RIGHT_TWIPS


def test_rules_are_a_third_to_a_half_of_the_text():
    rules = blocks.rules(STATE, "SỞ NỘI VỤ", ["Tổng kết công tác thi đua, khen thưởng năm 2022"])
    agency = text_width_pt("SỞ NỘI VỤ", 13, bold=True) * 20
    assert agency / 3 <= rules["co_quan"].width_twips <= agency / 2
    tn = text_width_pt(TIEU_NGU, 14, bold=True) * 20
    assert abs(rules["tieu_ngu"].width_twips - tn) < 20  # as long as the Tiêu ngữ
    assert rules["trich_yeu"].style == "single"
    assert blocks.rules(PARTY, "X", ["y"])["trich_yeu"].style == "dashed"


def test_rule_paragraph_xml_is_centred_by_indents():
    rule = blocks.Rule(width_twips=1000, cell_twips=3000)
    xml = rule.__html__()
    assert 'w:left="1000" w:right="1000"' in xml and "<w:top " in xml


def test_family_table_matches_spec_ranges():
    for f in FAMILIES.values():
        s = f.sizes
        if f.cot_quy_tac == "party":  # Party typography: the Party and the Đoàn (◐)
            assert s.quoc_hieu == 15 and s.co_quan == 14 and 15 <= s.loai_van_ban <= 16
            assert s.noi_nhan_nhan == 14 and s.noi_nhan_ds == 12
        else:
            assert 12 <= s.quoc_hieu <= 13 and 13 <= s.tieu_ngu <= 14
            assert s.noi_nhan_nhan == 12 and s.noi_nhan_ds == 11
            assert 13 <= s.noi_dung <= 14


def test_deputy_signing_for_a_collective_gets_a_kt_line():
    assert blocks.quyen_han_lines(STATE, "TM", "Ủy ban nhân dân", "Chủ tịch") == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert blocks.quyen_han_lines(STATE, "KT", "GIÁM ĐỐC") == ["KT. GIÁM ĐỐC"]
    assert blocks.quyen_han_lines(STATE, None, None) == []


@pytest.mark.parametrize(("family", "last", "expected"), [
    (STATE, "Lưu VT, TĐKT", "- Lưu: VT, TĐKT."),
    (STATE, "lưu: VT", "- lưu: VT."),
    (UNION, "Lưu:CĐ", "- Lưu: CĐ."),
    (PARTY, "Lưu Văn phòng ĐUK", "- Lưu Văn phòng ĐUK."),
    (PARTY, "Lưu: Văn phòng", "- Lưu Văn phòng."),
    (STATE, "Lưu trữ tỉnh", "- Lưu trữ tỉnh."),  # the archives, a recipient
    (STATE, "Lưu", "- Lưu."),
])
def test_filing_line_per_family(family, last, expected):
    assert blocks.noi_nhan_lines(family, ["Như trên", last])[-1] == expected


def test_rule_under_a_two_line_agency_name_follows_the_longer_line():
    one = blocks.rules(STATE, "BAN CHỈ ĐẠO", ["x"])["co_quan"].width_twips
    two = blocks.rules(STATE, "BAN CHỈ ĐẠO\nTHI ĐUA", ["x"])["co_quan"].width_twips
    assert one == two
