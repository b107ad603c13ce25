"""The empty signature fields sit where Nghị định 30 puts them, measured on the rendered page:
the signer's between the chức vụ line and the name, centred; the seal at real size over the
left third of it. Lines are read back with poppler (pdftotext -bbox), fields with pyHanko."""

from __future__ import annotations

from pathlib import Path

import pytest
from kyso_pages import bbox_lines, example
from readback import fields, fonts_not_embedded, xmp

from vanban import pipeline
from vanban.kyso import fields as F
from vanban.kyso.prepare import prepare

MM = 72 / 25.4


def _line(lines, text: str):
    found = [x for x in lines if " ".join(x[0].split()) == text]
    assert found, (text, [x[0] for x in lines])
    return found[-1]


def ready(tmp_path: Path, warm, template: str, data: dict) -> tuple[Path, dict]:
    result = pipeline.run(template, data)
    out = tmp_path / f"{template}.pdf"
    out.write_bytes(prepare(result, warm).pdf)
    return out, fields(out.read_bytes())


def assert_between(path: Path, found: dict, field: str, title: str, name: str) -> tuple:
    page, box, signed = found[field]
    assert not signed
    lines = bbox_lines(path, page + 1)
    above, below = _line(lines, title), _line(lines, name)
    left, bottom, right, top = box
    assert top <= above[2] + 0.5, "the field starts under the chức vụ line"
    assert bottom >= below[4] - 0.5, "the field ends above the name"
    assert top - bottom > 0.6 * (above[2] - below[4]), "it fills the space between them"
    assert abs((left + right) / 2 - (below[1] + below[3]) / 2) < 1.0, "centred on the name"
    return box


def assert_seal(found: dict, seal: str, signer_box: tuple, page: int) -> None:
    seal_page, (left, bottom, right, top), _ = found[seal]
    assert seal_page == page
    s_left, s_bottom, s_right, s_top = signer_box
    assert abs(right - (s_left + (s_right - s_left) / 3)) < 0.5, "covers the left third"
    assert left < s_left, "and lies to the left of the signature"
    assert abs((right - left) - F.SEAL_MM * MM) < 0.5 and abs((top - bottom) - F.SEAL_MM * MM) < 0.5
    assert abs((top + bottom) / 2 - (s_top + s_bottom) / 2) < 0.5


def test_state_kt_block(tmp_path: Path, warm) -> None:
    data = example("quyet-dinh-khen-thuong")  # KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
    path, found = ready(tmp_path, warm, "quyet-dinh-khen-thuong", data)
    assert set(found) == {"NguoiKy", "DauCoQuan"}
    box = assert_between(path, found, "NguoiKy", "PHÓ CHỦ TỊCH", data["nguoi_ky"]["ho_ten"])
    lines = bbox_lines(path, found["NguoiKy"][0] + 1)
    assert _line(lines, "KT. CHỦ TỊCH")[2] > box[3], "KT. line above the field too"
    assert_seal(found, "DauCoQuan", box, found["NguoiKy"][0])
    # the annex (danh sách) follows on the next page, in the same file: no field there
    annex = bbox_lines(path, found["NguoiKy"][0] + 2)
    assert any("DANH SÁCH KHEN THƯỞNG" in x[0] for x in annex)


def test_party_tm_block(tmp_path: Path, warm) -> None:
    data = example("cong-van", "dang")
    data["nguoi_ky"] = {"quyen_han": "TM", "thay_cho": "BAN THƯỜNG VỤ", "chuc_vu": "BÍ THƯ",
                        "ho_ten": "Trần Văn Bình"}
    path, found = ready(tmp_path, warm, "cong-van", data)
    box = assert_between(path, found, "NguoiKy", "BÍ THƯ", "Trần Văn Bình")
    assert_seal(found, "DauCoQuan", box, found["NguoiKy"][0])
    lines = bbox_lines(path, found["NguoiKy"][0] + 1)
    assert _line(lines, "T/M BAN THƯỜNG VỤ")[2] > box[3]


def test_union_tl_block(tmp_path: Path, warm) -> None:
    data = example("cong-van", "cong-doan")
    data["nguoi_ky"] = {"quyen_han": "TL", "thay_cho": "CHỦ TỊCH",
                        "chuc_vu": "CHÁNH VĂN PHÒNG", "ho_ten": "Lê Thị Hoa"}
    path, found = ready(tmp_path, warm, "cong-van", data)
    box = assert_between(path, found, "NguoiKy", "CHÁNH VĂN PHÒNG", "Lê Thị Hoa")
    assert_seal(found, "DauCoQuan", box, found["NguoiKy"][0])


def test_draft_without_name_still_gets_its_place(tmp_path: Path, warm) -> None:
    data = example("cong-van")
    data["nguoi_ky"]["ho_ten"] = None
    path, found = ready(tmp_path, warm, "cong-van", data)
    page, (left, bottom, right, top), _ = found["NguoiKy"]
    chuc_vu = _line(bbox_lines(path, page + 1), data["nguoi_ky"]["chuc_vu"].upper())
    assert top <= chuc_vu[2] + 0.5 and top - bottom == pytest.approx(F.BLANK_NAME_HEIGHT, abs=1)


def test_two_signers_minutes(tmp_path: Path, warm) -> None:
    """Biên bản: the secretary signs on the left (no seal), the chair on the right (seal)."""
    data = example("bien-ban-hop-xet")
    path, found = ready(tmp_path, warm, "bien-ban-hop-xet", data)
    assert {"NguoiKy", "DauCoQuan", "NguoiKy_Trai"} <= set(found)
    assert "DauCoQuan_Trai" not in found
    assert found["NguoiKy_Trai"][1][2] < found["NguoiKy"][1][0], "secretary left of the chair"


def test_pdfa_metadata_and_fonts(tmp_path: Path, warm) -> None:
    data = example("quyet-dinh-khen-thuong")
    path, _ = ready(tmp_path, warm, "quyet-dinh-khen-thuong", data)
    pdf = path.read_bytes()
    packet = xmp(pdf)
    assert 'pdfaid:part="2"' in packet or "<pdfaid:part>2</pdfaid:part>" in packet
    assert "pdfaid:conformance" in packet
    assert f"{data['so']}/QĐ-UBND" in packet  # dc:identifier: số/ký hiệu
    assert "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" in packet  # dc:publisher: the agency
    assert "Về việc tặng Bằng khen" in packet  # dc:title
    assert packet.count("dc:identifier") <= 2  # one property (attribute or open/close tags)
    assert fonts_not_embedded(pdf) == []


def test_missing_block_is_an_error_naming_it() -> None:
    from vanban.kyso.errors import KySoError
    from vanban.kyso.layout import Page

    with pytest.raises(KySoError) as caught:
        F.places({"chu_ky": {"quyen_han": [], "chuc_vu": "GIÁM ĐỐC", "ho_ten": "A B"}},
                 [Page(0, 595, 842, [])])
    problem = caught.value.problems[0]
    assert problem.code == "kyso.block-not-found" and problem.message_en
    assert "A B" in problem.message
