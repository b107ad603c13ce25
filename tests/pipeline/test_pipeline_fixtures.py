"""The three seed fixtures rendered end to end, checked against the spec (thể thức).

Each assertion names the rule it checks; the numbers come from ../shared/spec/the-thuc.md
through vanban.the_thuc.families, and the expected texts from the fixtures themselves.
"""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, document_text, fixture_data
from vanban.context.inline import plain
from vanban.ooxml import validate_docx
from vanban.the_thuc.families import DANG_HIEU, QUOC_HIEU, TIEU_NGU, get_family, mm_to_twips

NAMES = sorted(FIXTURES)


def para(doc, text):
    """The first paragraph containing ``text`` (vanban's own line breaks read as spaces)."""
    p = doc.find(text) or next(
        (q for q in doc.paragraphs if text in " ".join(q.text.split())), None)
    assert p is not None, f"no paragraph contains {text!r}"
    return p


@pytest.mark.parametrize("name", NAMES)
def test_validates_against_ooxml_schema(rendered, name):
    assert validate_docx(rendered[name]) == []


@pytest.mark.parametrize("name", NAMES)
def test_page_is_a4_portrait_with_spec_margins(facts, name):
    family = get_family(fixture_data(name)["the_thuc"])
    page = facts[name].page
    assert (page.width_twips, page.height_twips) == (11906, 16838)
    assert page.orientation == "portrait"
    m = page.margins
    assert 1134 <= m.top_twips <= 1417 and 1134 <= m.bottom_twips <= 1417
    assert 1701 <= m.left_twips <= 1984 and 850 <= m.right_twips <= 1134
    assert m.left_twips == mm_to_twips(family.margins.left)


@pytest.mark.parametrize("name", NAMES)
def test_every_run_is_times_new_roman(facts, name):
    for p in facts[name].paragraphs:
        for r in p.runs:
            if r.text.strip():
                assert r.font == "Times New Roman", (p.text, r)


@pytest.mark.parametrize("name", NAMES)
def test_page_numbers_in_header_not_on_first_page(facts, name):
    doc = facts[name]
    assert doc.page.title_pg is True
    default = doc.header("default")
    assert default is not None and default.has_page_field
    assert default.paragraphs[0].alignment == "center"
    first = doc.header("first")
    assert first is None or not first.has_page_field


@pytest.mark.parametrize("name", NAMES)
def test_national_or_party_header(facts, name):
    data = fixture_data(name)
    family = get_family(data["the_thuc"])
    doc = facts[name]
    s = family.sizes
    if data["the_thuc"] == "dang":
        p = para(doc, DANG_HIEU)
        assert (p.size_pt, p.bold, p.alignment) == (15, True, "center")
        assert doc.find(QUOC_HIEU) is None and doc.find(TIEU_NGU) is None
    else:
        qh, tn = para(doc, QUOC_HIEU), para(doc, TIEU_NGU)
        assert qh.text == QUOC_HIEU and qh.bold and qh.size_pt == s.quoc_hieu
        assert 12 <= qh.size_pt <= 13
        assert tn.text == TIEU_NGU and tn.bold and 13 <= tn.size_pt <= 14
        assert qh.in_table.cell == 1 and tn.in_table.cell == 1  # right column
        assert qh.index < tn.index


@pytest.mark.parametrize("name", NAMES)
def test_agency_block(facts, name):
    data = fixture_data(name)
    family = get_family(data["the_thuc"])
    doc = facts[name]
    ten = para(doc, data["co_quan"]["ten"].upper())
    assert ten.bold and ten.size_pt == family.sizes.co_quan and ten.in_table.cell == 0
    cap_tren = para(doc, data["co_quan"]["cap_tren"].upper())
    assert not cap_tren.bold and cap_tren.index < ten.index
    after = doc.paragraphs[ten.index + 1]
    if family.duoi_co_quan == "*":
        assert after.text == "*"
    else:  # the short rule: an empty paragraph, a top border, 1/3–1/2 of the name's length
        assert after.text == "" and after.left_indent_twips > 0


SO_STATE = re.compile(r"^Số: (\d{2,}|\xa0+)/[A-ZĐ0-9]+(-[A-ZĐ0-9]+)+$")
SO_PARTY = re.compile(r"^Số (\d{2,}|\xa0+)-[A-ZĐ]+/[A-ZĐ]+$")


@pytest.mark.parametrize("name", NAMES)
def test_so_ky_hieu_form_per_family(facts, name):
    data = fixture_data(name)
    doc = facts[name]
    p = para(doc, "Số")
    assert not p.bold and p.in_table.cell == 0
    pattern = SO_PARTY if data["the_thuc"] == "dang" else SO_STATE
    assert pattern.match(p.text), p.text
    if data["so"] is not None:
        assert f"{data['so']:02d}" in p.text


EXPECTED_DATE = {
    "nha-nuoc-mau-01-tong-ket-2021": "Lào Cai, ngày 05 tháng 12 năm 2021",
    "dang-yen-bai-so-ket-6-thang-2022": "Yên Bái, ngày\xa0\xa0\xa0\xa0\xa0\xa0tháng 6 năm 2022",
    "cong-doan-binh-phuoc-tong-ket-2022":
        "Bình Phước, ngày\xa0\xa0\xa0\xa0\xa0\xa0tháng 12 năm 2022",
}


@pytest.mark.parametrize("name", NAMES)
def test_place_and_date_line(facts, name):
    p = para(facts[name], ", ngày")
    assert p.text == EXPECTED_DATE[name]
    assert p.italic and not p.bold and p.in_table.cell == 1


@pytest.mark.parametrize("name", NAMES)
def test_type_and_abstract(facts, name):
    data = fixture_data(name)
    family = get_family(data["the_thuc"])
    doc = facts[name]
    kind = para(doc, "BÁO CÁO")
    assert kind.text == "BÁO CÁO" and kind.bold and kind.alignment == "center"
    assert kind.size_pt == family.sizes.loai_van_ban
    lines = data["trich_yeu"].split("\n")
    previous = kind.index
    for line in lines:
        p = para(doc, line)
        assert p.bold and p.alignment == "center" and p.size_pt == family.sizes.trich_yeu
        assert p.index == previous + 1
        previous = p.index


@pytest.mark.parametrize("name", NAMES)
def test_body_paragraphs_justified_indented_spaced(facts, name):
    data = fixture_data(name)
    doc = facts[name]
    first = data["noi_dung"]["dac_diem"]["gioi_thieu"][0]
    p = para(doc, first)
    assert p.alignment == "both"
    assert p.first_line_indent_twips in (567, 720)
    assert p.spacing_after_twips + p.spacing_before_twips >= 120
    assert 1.0 <= p.line_spacing_multiple <= 1.5
    assert p.size_pt == get_family(data["the_thuc"]).sizes.noi_dung


@pytest.mark.parametrize("name", NAMES)
def test_signature_block(facts, name):
    data = fixture_data(name)
    family = get_family(data["the_thuc"])
    ky = data["nguoi_ky"]
    doc = facts[name]
    prefix = family.quyen_han[ky["quyen_han"]]
    authority = para(doc, f"{prefix} {ky['thay_cho'].upper()}")
    assert authority.bold and authority.in_table.cell == 1
    title = doc.paragraphs[authority.index + 1]
    assert title.text == ky["chuc_vu"].upper()
    assert title.bold == family.chuc_vu_bold
    if ky["ho_ten"]:
        name_p = para(doc, ky["ho_ten"])
        assert name_p.bold and name_p.index > title.index + 2  # room for the signature
    if data["the_thuc"] == "dang":
        assert prefix == "T/M"
    else:
        assert prefix.endswith(".")


@pytest.mark.parametrize("name", NAMES)
def test_noi_nhan(facts, name):
    data = fixture_data(name)
    family = get_family(data["the_thuc"])
    doc = facts[name]
    label = para(doc, "Nơi nhận:")
    assert label.in_table.cell == 0 and label.size_pt == family.sizes.noi_nhan_nhan
    if data["the_thuc"] == "dang":
        assert label.runs[0].underline == "single"
    else:
        assert label.bold and label.italic
    items = doc.paragraphs[label.index + 1: label.index + 1 + len(data["noi_nhan"])]
    for n, (p, wanted) in enumerate(zip(items, data["noi_nhan"], strict=True)):
        # Party lines end with "," (seeds 000, 001; spec/the-thuc.md §2), State with ";"
        end = "." if n == len(items) - 1 else ("," if data["the_thuc"] == "dang" else ";")
        assert p.text == f"- {wanted}{end}"
        assert p.size_pt == family.sizes.noi_nhan_ds


def _strings(value, path=""):
    """Every user string in the body with its JSON path, in input order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for n, v in enumerate(value):
            yield from _strings(v, f"{path}[{n}]")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, f"{path}.{k}" if path else k)


# Keys whose values are identifiers or canonicalised vocabulary, not literal text.
NOT_LITERAL = re.compile(
    r"(\.loai|\.trang_thai|\.muc|\.danh_gia|khen_thuong\[\d+\]\.ten|\.danh_hieu)$")


@pytest.mark.parametrize("name", NAMES)
def test_every_input_string_appears_in_input_order(facts, name):
    data = fixture_data(name)
    # Level-I headings are set in capitals by rule, so compare case-insensitively.
    text = document_text(facts[name]).lower()
    last_by_list: dict[str, int] = {}
    for path, value in _strings(data["noi_dung"], "noi_dung"):
        if NOT_LITERAL.search(path):
            continue
        wanted = plain(value).lower()
        pos = text.find(wanted)
        assert pos >= 0, f"{path}: {value!r} missing"
        parent = path.rsplit("[", 1)[0] if path.endswith("]") else None
        if parent:
            assert pos > last_by_list.get(parent, -1), f"{path} out of order"
            last_by_list[parent] = pos
    for item in data.get("kinh_gui", []):
        assert item.lower() in text


AWARD_ORDER = {
    "nha-nuoc-mau-01-tong-ket-2021": [
        "được Chủ tịch nước tặng Huân chương Lao động hạng Ba",
        "được Thủ tướng Chính phủ tặng Bằng khen",
        "công nhận danh hiệu “Chiến sĩ thi đua bộ, ban, ngành, tỉnh” (gồm: Trần Văn Bình; "
        "Lê Thị Mai)",
        "được Chủ tịch UBND tỉnh công nhận danh hiệu “Tập thể lao động xuất sắc”",
        "công nhận danh hiệu “Chiến sĩ thi đua cơ sở”",
        "công nhận danh hiệu “Lao động tiên tiến”",
        "được Giám đốc Sở tặng Giấy khen",
    ],
    "dang-yen-bai-so-ket-6-thang-2022": [
        "01 tập thể và 03 đồng chí được Chủ tịch UBND tỉnh tặng Bằng khen",
        "02 tập thể được UBND tỉnh công nhận danh hiệu “Tập thể lao động xuất sắc”",
        "14 đồng chí được Thủ trưởng Cơ quan Đảng ủy Khối công nhận danh hiệu",
        "06 tập thể được Thủ trưởng Cơ quan Đảng ủy Khối công nhận danh hiệu",
        "29 đồng chí được Thủ trưởng Cơ quan Đảng ủy Khối công nhận danh hiệu",
    ],
    "cong-doan-binh-phuoc-tong-ket-2022": [
        "01 cá nhân được Thủ tướng Chính phủ tặng Bằng khen",
        "02 tập thể được công nhận danh hiệu “Tập thể lao động xuất sắc”",
        "03 cá nhân được công nhận danh hiệu “Chiến sĩ thi đua cơ sở”",
        "02 tập thể và 05 cá nhân được Trưởng ban tặng Giấy khen",
    ],
}


@pytest.mark.parametrize("name", NAMES)
def test_award_sentences_in_rank_order(facts, name):
    text = document_text(facts[name])
    positions = [text.find(clause) for clause in AWARD_ORDER[name]]
    assert all(p >= 0 for p in positions), list(zip(AWARD_ORDER[name], positions, strict=True))
    assert positions == sorted(positions)


def test_proposals_are_worded_as_proposals(facts):
    text = document_text(facts["cong-doan-binh-phuoc-tong-ket-2022"])
    assert "đề nghị UBND tỉnh tặng Bằng khen cho 01 tập thể và 01 cá nhân" in text


@pytest.mark.parametrize("name", NAMES)
def test_award_table_rows_in_rank_order(facts, name):
    doc = facts[name]
    data = fixture_data(name)
    header = para(doc, "Hình thức khen thưởng, danh hiệu thi đua")
    table = header.in_table.table
    rows = {}
    for p in doc.paragraphs:
        if p.in_table and p.in_table.table == table and p.in_table.row > 0:
            rows.setdefault(p.in_table.row, []).append(p.text)
    assert len(rows) == len(data["noi_dung"]["khen_thuong"])
    assert [r[0] for r in rows.values()] == [str(n) for n in range(1, len(rows) + 1)]


def test_headings_are_numbered_without_gaps(facts):
    doc = facts["nha-nuoc-mau-01-tong-ket-2021"]
    romans = [p.text.split(".")[0] for p in doc.paragraphs if p.style_id == "VBMuc1"]
    assert romans == ["I", "II", "III", "IV", "V", "VI", "VII", "I", "II"]
    parts = [p.text for p in doc.paragraphs if p.style_id == "VBPhan"]
    assert parts[0].startswith("Phần I\n") and parts[1].startswith("Phần II\n")


@pytest.mark.parametrize("name", NAMES)
def test_closing_sentence(facts, name):
    data = fixture_data(name)
    text = document_text(facts[name])
    if data["noi_dung"].get("ket_luan"):
        assert data["noi_dung"]["ket_luan"] in text
        return
    ten = data["co_quan"]["ten_trong_cau"]
    end = "./." if data["the_thuc"] != "dang" else "."
    assert re.search(rf"Trên đây là báo cáo [^\n]+ của {re.escape(ten)}{re.escape(end)}", text)


def test_draft_marker_only_in_drafts(facts):
    assert facts["cong-doan-binh-phuoc-tong-ket-2022"].find("DỰ THẢO") is not None
    assert facts["nha-nuoc-mau-01-tong-ket-2021"].find("DỰ THẢO") is None


def test_kinh_gui_lines(facts):
    doc = facts["nha-nuoc-mau-01-tong-ket-2021"]
    label = para(doc, "Kính gửi:")
    assert doc.paragraphs[label.index + 1].text == "- Ban Thi đua - Khen thưởng tỉnh;"
    assert doc.paragraphs[label.index + 2].text == (
        "- Trưởng khối thi đua các cơ quan kinh tế - tổng hợp.")
