"""Agency names, authority lines and titles broken by vanban at meaningful points, measured
with the font's metrics against the column they stand in (issue 17)."""

from __future__ import annotations

import pytest

from vanban.the_thuc.families import HEADER_LEFT_TWIPS, SIGN_RIGHT_TWIPS, TEXT_WIDTH_TWIPS
from vanban.the_thuc.line_breaks import SAFETY, break_name, break_title
from vanban.the_thuc.metrics import text_width_pt

HEADER = HEADER_LEFT_TWIPS / 20
TEXT = TEXT_WIDTH_TWIPS / 20


@pytest.mark.parametrize("name,size,expected", [
    ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", 13, ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]),
    ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", 13, ["ỦY BAN NHÂN DÂN", "TỈNH BÀ RỊA - VŨNG TÀU"]),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", 13, ["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"]),
    ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", 13, ["SỞ TÀI NGUYÊN", "VÀ MÔI TRƯỜNG"]),
    ("KHỐI CÁC CƠ QUAN TỔNG HỢP", 13, ["KHỐI CÁC CƠ QUAN", "TỔNG HỢP"]),
    ("CÔNG ĐOÀN CƠ SỞ BAN DÂN TỘC TỈNH BÌNH PHƯỚC", 13,
     ["CÔNG ĐOÀN CƠ SỞ", "BAN DÂN TỘC", "TỈNH BÌNH PHƯỚC"]),
    ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH", 14,
     ["ĐẢNG ỦY", "KHỐI CÁC CƠ QUAN", "VÀ DOANH NGHIỆP TỈNH"]),
    ("SỞ NỘI VỤ", 13, ["SỞ NỘI VỤ"]),
])
def test_agency_names_break_where_a_clerk_breaks_them(name, size, expected):
    got = break_name(name, HEADER, size)
    assert got == expected
    assert all(text_width_pt(line, size, bold=True) <= HEADER * SAFETY for line in got)


def test_an_input_break_is_kept():
    assert break_name("SỞ NỘI VỤ\nTỈNH LÀO CAI", HEADER, 13) == ["SỞ NỘI VỤ", "TỈNH LÀO CAI"]


def test_the_decisions_authority_line():
    assert break_name("BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH", TEXT, 14) == [
        "BAN THƯỜNG VỤ ĐẢNG ỦY", "KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH"]
    lines = break_name("T/M BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH",
                       SIGN_RIGHT_TWIPS / 20, 14)
    assert len(lines) > 1 and lines[-1] != "TỈNH"


@pytest.mark.parametrize("title,size", [
    ("BẢNG TIÊU CHÍ ĐÁNH GIÁ VÀ CHẤM ĐIỂM THI ĐUA CỦA CÁC CHI BỘ, ĐẢNG BỘ CƠ SỞ NĂM 2022", 16),
    ("Phát động đợt thi đua đặc biệt lập thành tích chào mừng đại hội đảng bộ các cấp gắn với "
     "kỷ niệm 70 năm ngày thành lập Đảng bộ Khối cơ quan và doanh nghiệp tỉnh", 14),
    ("Tự chấm điểm thi đua năm 2021 của Sở Tư pháp (Khối các cơ quan quản lý nhà nước tổng "
     "hợp)", 14),
])
def test_titles_never_end_on_one_word_nor_split_a_year(title, size):
    lines = break_title(title, TEXT, size)
    assert " ".join(lines) == title
    assert len(lines) > 1 and len(lines[-1].split()) > 1
    for a, b in zip(lines, lines[1:], strict=False):
        assert not (a.split()[-1].lower() == "năm" and b.split()[0].isdigit())
    assert all(text_width_pt(line, size, bold=True) <= TEXT * SAFETY for line in lines)


def test_a_remembered_break_is_a_fresh_list_each_time():
    """Breaks are cached (every document of a batch repeats its names and titles); a caller
    that edits the lines it got must not change what the next caller gets."""
    first = break_title("KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA, CÔNG TÁC KHEN THƯỞNG NĂM 2024",
                        TEXT, 14)
    first.append("thêm")
    again = break_title("KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA, CÔNG TÁC KHEN THƯỞNG NĂM 2024",
                        TEXT, 14)
    assert again == first[:-1] and "thêm" not in again
    for line in again:
        assert text_width_pt(line, 14, bold=True) <= TEXT * SAFETY
