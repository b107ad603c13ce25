"""Reward amounts: multiples of the base salary in force on the decision date, rounded up."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from vanban.ho_so.tien_thuong import (
    KhongCoSoLieu,
    cho_danh_sach,
    he_so,
    khoang_ngay,
    lam_tron,
    luong_co_so,
    muc_thuong,
)
from vanban.vi.dates import NgayThang
from vanban.vocab import find_award

BK_TINH = find_award("Bằng khen", "Chủ tịch Ủy ban nhân dân tỉnh")
BK_TTG = find_award("Bằng khen", "Thủ tướng Chính phủ")
GIAY_KHEN = find_award("Giấy khen", "Giám đốc")
CSTD_CO_SO = find_award("Chiến sĩ thi đua cơ sở")


@pytest.mark.parametrize(
    ("day", "salary"),
    [
        ("2024-06-30", 1_800_000),
        ("2024-07-01", 2_340_000),
        ("2026-06-30", 2_340_000),
        ("2026-07-01", 2_530_000),
    ],
)
def test_base_salary_either_side_of_each_change(day, salary):
    assert luong_co_so(date.fromisoformat(day)).muc == salary


def test_amount_either_side_of_a_base_salary_change():
    # Bằng khen of the Chủ tịch UBND tỉnh, individual: 1,5 × base salary.
    before = muc_thuong(BK_TINH, "ca_nhan", date(2026, 6, 30))
    after = muc_thuong(BK_TINH, "ca_nhan", date(2026, 7, 1))
    assert (before.he_so, before.luong_co_so, before.so_tien) == (Decimal("1.5"), 2_340_000,
                                                                    3_510_000)
    assert (after.luong_co_so, after.so_tien) == (2_530_000, 3_795_000 + 5_000)  # rounded up
    assert after.so_tien_text == "3.800.000 đồng"


def test_rounding_goes_up_to_the_next_ten_thousand():
    assert lam_tron(Decimal(702_000)) == 710_000  # 0,3 × 2.340.000
    assert lam_tron(Decimal(710_000)) == 710_000
    assert lam_tron(Decimal("700000.01")) == 710_000
    assert muc_thuong(GIAY_KHEN, "ca_nhan", date(2025, 12, 1)).so_tien == 710_000
    assert muc_thuong(GIAY_KHEN, "tap_the", date(2025, 12, 1)).so_tien == 1_410_000  # 1.404.000


def test_multiples_follow_award_level_and_recipient():
    on = date(2025, 12, 1)
    assert he_so(BK_TTG, "ca_nhan", on) == Decimal("3.5")
    assert he_so(BK_TTG, "tap_the", on) == 7
    assert he_so(BK_TINH, "tap_the", on) == 3
    assert he_so(CSTD_CO_SO, "ho_gia_dinh", on) == Decimal("1.5")  # 1,5 × the individual one
    with pytest.raises(KhongCoSoLieu):
        he_so(CSTD_CO_SO, "tap_the", on)  # a title for persons only
    with pytest.raises(KhongCoSoLieu):
        he_so(BK_TINH, "ca_nhan", date(2025, 6, 30))  # NĐ 98 table: Bằng khen not in data yet


def test_list_total_in_figures_and_words():
    lines = [(0, BK_TINH, "tap_the"), (1, BK_TINH, "ca_nhan"), (2, BK_TINH, "ca_nhan")]
    rows, total, salary, problems = cho_danh_sach(lines, NgayThang(2025, 12, 15), "danh_sach")
    assert problems == []
    assert salary.muc == 2_340_000
    assert [r.muc.so_tien for r in rows] == [7_020_000, 3_510_000, 3_510_000]
    assert total.so_tien == 14_040_000
    assert total.text == "14.040.000 đồng"
    assert total.bang_chu == "Mười bốn triệu không trăm bốn mươi nghìn đồng"


def test_partial_draft_date():
    assert khoang_ngay(NgayThang(2026, 2)) == (date(2026, 2, 1), date(2026, 2, 28))
    # a month inside one base-salary period is enough …
    _, total, _, problems = cho_danh_sach([(0, BK_TINH, "ca_nhan")], NgayThang(2026, 5), "d")
    assert problems == [] and total.so_tien == 3_510_000
    # … a year that straddles 01/7/2026 is not
    _, total, _, problems = cho_danh_sach([(0, BK_TINH, "ca_nhan")], NgayThang(2026), "d")
    assert total is None and [p.code for p in problems] == ["tien_thuong.ngay"]


def test_missing_multiple_is_reported_at_the_line():
    _, total, _, problems = cho_danh_sach(
        [(0, BK_TINH, "ca_nhan"), (1, CSTD_CO_SO, "tap_the")], NgayThang(2025, 12, 1), "nd.ds")
    assert total is None
    assert [(p.code, p.path) for p in problems] == [
        ("tien_thuong.khong-co-he-so", "nd.ds[1].khen_thuong")]
