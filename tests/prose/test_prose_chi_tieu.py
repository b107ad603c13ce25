"""Targets and their results: evaluated from the numbers at every boundary, worded as the seeds."""

from __future__ import annotations

import pytest

from vanban.model.chi_tieu import ChiTieu, KetQuaChiTieu
from vanban.prose import chi_tieu as ct


def kq(**kw) -> KetQuaChiTieu:
    return KetQuaChiTieu(doi_tuong="cá nhân", danh_hieu="Chiến sĩ thi đua cơ sở", **kw)


@pytest.mark.parametrize(("muc", "goal", "got", "status", "excess"), [
    ("dung", 2, 1, "chua_dat", 0), ("dung", 2, 2, "dat", 0), ("dung", 2, 3, "vuot", 1),
    ("tu", 5, 5, "dat", 0), ("tu", 5, 4, "chua_dat", 0), ("tu", 5, 7, "vuot", 2),
    ("tren", 2, 2, "chua_dat", 0), ("tren", 2, 3, "vuot", 1),
])
def test_counted_targets(muc, goal, got, status, excess):
    ev = ct.evaluate(kq(so_luong=goal, muc=muc, thuc_hien=got))
    assert (ev.status, ev.excess) == (status, excess)


@pytest.mark.parametrize(("muc", "goal", "got", "status"), [
    ("tren", 90, 90, "chua_dat"), ("tren", 90, 90.5, "dat"), ("tu", 90, 90, "dat"),
    ("dung", 95, 94.9, "chua_dat"), ("tren", 90, 100, "dat"),
])
def test_share_targets_are_reached_never_exceeded_by_count(muc, goal, got, status):
    assert ct.evaluate(kq(ty_le=goal, muc=muc, thuc_hien=got)).status == status


def test_missing_result_and_free_text():
    assert ct.evaluate(kq(so_luong=2)).status == "chua_co"
    assert ct.evaluate(KetQuaChiTieu(noi_dung="Cơ quan đạt chuẩn văn hóa")).status == "chua_co"
    assert ct.evaluate(KetQuaChiTieu(noi_dung="X", danh_gia="vuot")).status == "vuot"


def test_seed_wording():
    t = kq(so_luong=2, muc="tren", thuc_hien=3)
    match = ct.award(t, "x")
    assert ct.target_text(t, match) == (
        "Phấn đấu có trên 02 cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”.")
    assert ct.result_text(t, match, "Nghị quyết năm 2022") == (
        "Có 03 cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”, vượt 01 chỉ tiêu Nghị quyết năm "
        "2022.")
    short = kq(so_luong=5, muc="tu", thuc_hien=3)
    assert ct.result_text(short, match, "").endswith("chưa đạt chỉ tiêu (đạt 03/05).")
    gk = ChiTieu(so_luong=5, muc="tu", doi_tuong="cá nhân", danh_hieu="giấy khen",
                 nguoi_tang="Trưởng ban")
    assert ct.target_text(gk, ct.award(gk, "x")) == (
        "Phấn đấu có 05 cá nhân trở lên được Trưởng ban tặng Giấy khen.")


def test_totals():
    items = [kq(so_luong=2, thuc_hien=3), kq(so_luong=2, thuc_hien=2), kq(so_luong=2),
             kq(so_luong=2, thuc_hien=0)]
    counts = ct.totals(items)
    assert counts == {"tong": 4, "vuot": 1, "dat": 1, "chua_dat": 1, "chua_co": 1}
    assert ct.totals_text(counts) == (
        "Tổng số 04 chỉ tiêu đã đăng ký: vượt 01, đạt 01, chưa đạt 01, chưa có kết quả 01.")


@pytest.mark.parametrize(("kw", "code"), [
    ({}, "chi_tieu.empty"), ({"so_luong": 1, "ty_le": 50}, "chi_tieu.both"),
    ({"so_luong": 1}, "chi_tieu.incomplete"),
])
def test_bad_targets_are_refused(kw, code):
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as info:
        ChiTieu(**kw)
    assert info.value.errors()[0]["type"] == code
