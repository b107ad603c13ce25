"""Votes: percentage of the WHOLE membership, thresholds per award from data, reached or not."""

from __future__ import annotations

from fractions import Fraction

import pytest

from vanban.ho_so.bieu_quyet import ket_qua, nguong, phan_tram
from vanban.vocab import find_award

CSTD_CO_SO = find_award("Chiến sĩ thi đua cơ sở")
CSTD_TINH = find_award("Chiến sĩ thi đua cấp tỉnh")
BANG_KHEN = find_award("Bằng khen", "Chủ tịch Ủy ban nhân dân tỉnh")


def test_thresholds_come_from_data():
    assert (nguong(CSTD_CO_SO).ty_le, nguong(CSTD_CO_SO).so_sanh) == (80, ">=")
    assert nguong(CSTD_TINH).ty_le == 90
    assert nguong(find_award("Chiến sĩ thi đua toàn quốc")).ty_le == 90
    assert nguong(find_award("Cờ thi đua của Chính phủ")).ty_le == 80
    # Cờ thi đua of a province is listed as "co-thi-dua@3"
    assert nguong(find_award("Cờ thi đua", "Ủy ban nhân dân tỉnh")).ty_le == 80
    # anything else: the default rule (majority of the membership)
    assert (nguong(BANG_KHEN).ty_le, nguong(BANG_KHEN).so_sanh) == (50, ">")
    assert nguong(CSTD_CO_SO).bo_phieu and not nguong(BANG_KHEN).bo_phieu


@pytest.mark.parametrize(
    ("match", "members", "votes", "reached"),
    [
        (CSTD_CO_SO, 10, 8, True),  # exactly 80 %
        (CSTD_CO_SO, 10, 7, False),  # one vote short
        (CSTD_CO_SO, 15, 12, True),  # 80 % exactly again
        (CSTD_CO_SO, 15, 11, False),  # 73,33 %
        (CSTD_TINH, 10, 9, True),  # exactly 90 %
        (CSTD_TINH, 10, 8, False),  # 80 % is not enough for cấp tỉnh
        (CSTD_TINH, 11, 10, True),  # 90,90 %
        (CSTD_TINH, 21, 18, False),  # 85,71 %
        (BANG_KHEN, 10, 5, False),  # exactly 50 % is not "more than half"
        (BANG_KHEN, 10, 6, True),
    ],
)
def test_reached_at_each_boundary(match, members, votes, reached):
    assert ket_qua(match, votes, 0, members).dat is reached


def test_percentage_is_of_the_whole_membership_not_of_those_present():
    # 12 members, 9 present who all agreed: 9/12 = 75 % — below 80 % even though all present agreed.
    result = ket_qua(CSTD_CO_SO, 9, 0, 12)
    assert result.ty_le == 75
    assert not result.dat


def test_percentage_printed_is_truncated_never_rounded_up():
    assert phan_tram(Fraction(8 * 100, 9)) == "88,88%"
    assert phan_tram(Fraction(80)) == "80%"
    assert phan_tram(Fraction(2 * 100, 3)) == "66,66%"
    # 89,999… % is printed 89,99 % — it must not read "90%" for a candidate below 90 %.
    almost = ket_qua(CSTD_TINH, 8999, 0, 10000 + 1)
    assert not almost.dat and not almost.ty_le_text.startswith("90")
    assert ket_qua(CSTD_CO_SO, 7, 1, 9).ty_le_khong_dong_y_text == "11,11%"


def test_threshold_text():
    assert nguong(CSTD_CO_SO).text == "≥ 80%"
    assert nguong(CSTD_CO_SO).loi == "từ 80% trở lên"
    assert nguong(BANG_KHEN).loi == "trên 50%"
