"""The computation of one scoring table, at every boundary of every rule (issue 8, item 5)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from scoring_helpers import BASE, body, bonus, model

from vanban.scoring.compute import cham_diem, so_diem, tru_ho_so, tru_nhac_nho

D = Decimal


def test_base_table_adds_up():
    r = cham_diem(model())
    assert [n.diem for n in r.nhom] == [D("33.5"), D(28), D(25)]
    assert r.diem_nhom == D("86.5") and r.diem_thuong == 0 and r.tru.tong == 0
    assert r.tong == D("86.5") and r.day_du and not r.khong_xet


def test_level_scored_criterion_takes_its_level_points():
    r = cham_diem(model())
    row = r.nhom[0].dong[1]
    assert row.diem == D(24) and row.diem_chuan == D(30)


def _group(cap: float, scores: list[float]) -> dict:
    return {"ma": "I", "ten": "Nhóm", "diem_toi_da": cap, "tieu_chi": [
        {"ten": f"Tiêu chí {k}", "diem_chuan": s, "tu_cham": s} for k, s in enumerate(scores)]}


def test_group_exactly_at_its_cap_is_not_capped():
    r = cham_diem(model(nhom=[_group(40, [25, 15])]))
    assert r.nhom[0].cong == 40 and r.nhom[0].diem == 40 and not r.nhom[0].vuot_tran


def test_group_above_its_cap_is_capped_and_flagged():
    r = cham_diem(model(nhom=[_group(40, [25, 15.5])]))
    g = r.nhom[0]
    assert g.cong == D("40.5") and g.diem == 40 and g.vuot_tran
    assert r.to_dict()["nhom"][0]["vuot_tran"] is True


@pytest.mark.parametrize(("letters", "points"), [
    (0, "0"), (1, "0.5"), (3, "1.5"), (4, "2"), (5, "2"), (12, "2")])
def test_reminder_letters_cost_half_a_point_up_to_two(letters, points):
    assert tru_nhac_nho(letters) == D(points)
    r = cham_diem(model(diem_tru={"van_ban_nhac_nho": letters}))
    assert r.tru.nhac_nho == D(points) and r.tong == D("86.5") - D(points)


@pytest.mark.parametrize(("dossiers", "points"), [
    (0, "0"), (1, "1"), (5, "1"), (6, "1.5"), (10, "1.5"), (11, "2"), (40, "2")])
def test_rejected_dossiers_brackets(dossiers, points):
    assert tru_ho_so(dossiers) == D(points)
    assert cham_diem(model(diem_tru={"ho_so_khong_du_dieu_kien": dossiers})).tru.ho_so == D(points)


def test_breaking_the_bloc_rules_costs_one_point_and_deductions_add():
    r = cham_diem(model(diem_tru={"van_ban_nhac_nho": 3, "ho_so_khong_du_dieu_kien": 6,
                                  "vi_pham_quy_che_khoi": True,
                                  "khac": [{"ly_do": "Báo cáo sai số liệu", "diem": 0.25}]}))
    assert (r.tru.nhac_nho, r.tru.ho_so, r.tru.quy_che, r.tru.khac) == (
        D("1.5"), D("1.5"), D(1), D("0.25"))
    assert r.tru.tong == D("4.25") and r.tong == D("82.25")


def test_bonus_of_exactly_one_counts():
    r = cham_diem(model(diem_thuong=bonus(1, diem=1)))
    assert r.diem_thuong == 1 and r.tong == D("87.5")


def test_bonus_total_is_capped_and_flagged():
    r = cham_diem(model(diem_thuong=bonus(7, diem=1)))
    assert r.thuong_cong == 7 and r.diem_thuong == 5 and r.thuong_vuot_tran
    assert r.tong == D("91.5")


def test_bonus_linked_to_a_criterion_is_shown_on_its_row():
    r = cham_diem(model(diem_thuong=[{"chi_tieu": "Hồ sơ đúng hạn", "tieu_chi": "I.1",
                                      "ke_hoach": 100, "thuc_hien": 104, "diem": 0.5}]))
    assert r.nhom[0].dong[0].diem_thuong == D("0.5")
    assert r.nhom[1].dong[0].diem_thuong is None


def test_serious_violation_marks_the_unit_not_considered():
    r = cham_diem(model(diem_tru={"phe_binh_sai_pham_nghiem_trong": True}))
    assert r.khong_xet and r.to_dict()["ly_do_khong_xet"]
    assert r.tong == D("86.5")  # still computed: the table shows it


def test_nested_criteria_any_depth():
    deep = {"ma": "2.3", "ten": "Tổ chức cơ sở đảng", "muc": {"Tốt": 30, "Khá": 24},
            "xep_loai": "Tốt", "tieu_chi": [
                {"ten": "Hoàn thành tốt", "diem_chuan": 20, "tu_cham": 18, "tieu_chi": [
                    {"ten": "Trong đó xuất sắc", "diem_chuan": 5, "tu_cham": 5}]}]}
    r = cham_diem(model(nhom=[{"ten": "Tiêu chuẩn 2", "diem_toi_da": 95, "tieu_chi": [deep]}]))
    g = r.nhom[0]
    assert g.diem_chuan == 55 and g.cong == 53
    assert [row.cap for row in g.dong[0].rows()] == [1, 2, 3]
    assert r.nhom[0].dong[0].con[0].con[0].path == "noi_dung.nhom[0].tieu_chi[0].tieu_chi[0]" \
        ".tieu_chi[0]"


def test_blank_form_has_standards_and_no_scores():
    data = body()
    for g in data["nhom"]:
        for c in g["tieu_chi"]:
            c.pop("tu_cham", None)
            c.pop("xep_loai", None)
    r = cham_diem(model(data))
    assert not r.day_du and len(r.chua_cham) == 4
    assert r.tong is None and r.diem_chuan == 95
    assert r.to_dict()["tong_diem"] is None


def test_json_numbers_are_ints_when_whole():
    d = cham_diem(model()).to_dict()
    assert d["tong_diem"] == 86.5 and d["nhom"][1]["diem"] == 28
    assert isinstance(d["nhom"][1]["diem"], int)
    assert BASE["don_vi"] == "Sở Nội vụ"


def test_unit_without_party_and_union_gets_half_of_that_group():
    data = body(khong_co_dang_cong_doan=True)
    data["nhom"][1]["to_chuc_dang_doan_the"] = True
    g = cham_diem(model(data)).nhom[1]
    assert (g.tran, g.cong, g.diem, g.nua_tran, g.vuot_tran) == (15, 28, 15, True, True)
    assert cham_diem(model(data)).tong == D("73.5")
    data["khong_co_dang_cong_doan"] = False
    assert cham_diem(model(data)).nhom[1].diem == 28


@pytest.mark.parametrize(("value", "printed"), [
    ("87.50", "87,5"), ("1859", "1.859"), ("0.5", "0,5"), ("95.0", "95"), (None, "")])
def test_points_print_the_vietnamese_way(value, printed):
    assert so_diem(None if value is None else D(value)) == printed
