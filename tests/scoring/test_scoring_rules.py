"""Every broken rule of a scoring table is reported with the path of the field and the rule."""

from __future__ import annotations

import pytest
from scoring_helpers import body, bonus, model

from vanban.scoring.rules import check_bang


def _problems(**changes):
    return {(p.code, p.path): p for p in check_bang(model(**changes))}


def test_valid_table_has_no_problem():
    assert check_bang(model()) == []


def test_self_score_above_the_standard():
    data = body()
    data["nhom"][0]["tieu_chi"][0]["tu_cham"] = 10.5
    found = check_bang(model(data))
    assert [(p.code, p.path) for p in found] == [
        ("bang-cham-diem.vuot-diem-chuan", "noi_dung.nhom[0].tieu_chi[0].tu_cham")]
    assert "10,5" in found[0].message and "vượt điểm chuẩn 10" in found[0].message
    assert found[0].message_en


def test_self_score_equal_to_the_standard_is_fine():
    data = body()
    data["nhom"][0]["tieu_chi"][0]["tu_cham"] = 10
    assert check_bang(model(data)) == []


def test_unknown_level_names_the_known_ones():
    data = body()
    data["nhom"][0]["tieu_chi"][1]["xep_loai"] = "Xuất sắc"
    (p,) = check_bang(model(data))
    assert p.code == "bang-cham-diem.muc-khong-co"
    assert p.path == "noi_dung.nhom[0].tieu_chi[1].xep_loai"
    assert "Tốt, Khá, TB, Yếu" in p.message


def test_level_criterion_with_a_self_score_and_both_schemes():
    data = body()
    data["nhom"][0]["tieu_chi"][1]["tu_cham"] = 24
    data["nhom"][1]["tieu_chi"][0]["muc"] = {"Tốt": 30}
    codes = {(p.code, p.path) for p in check_bang(model(data))}
    assert ("bang-cham-diem.tu-cham-theo-muc", "noi_dung.nhom[0].tieu_chi[1].tu_cham") in codes
    assert ("bang-cham-diem.hai-cach-cham", "noi_dung.nhom[1].tieu_chi[0]") in codes


def test_bonus_for_a_target_not_exceeded():
    found = _problems(diem_thuong=bonus(1, ke_hoach=100, thuc_hien=100))
    p = found["bang-cham-diem.thuong-khong-vuot", "noi_dung.diem_thuong[0].thuc_hien"]
    assert "không vượt kế hoạch 100" in p.message


@pytest.mark.parametrize(("points", "ok"), [(1, True), (1.5, False), (0.5, True)])
def test_bonus_above_one_point_per_target(points, ok):
    found = _problems(diem_thuong=bonus(1, diem=points))
    assert (("bang-cham-diem.thuong-vuot-muc", "noi_dung.diem_thuong[0].diem") not in found) is ok
    if not ok:
        assert "1,5" in found["bang-cham-diem.thuong-vuot-muc",
                              "noi_dung.diem_thuong[0].diem"].message


def test_bonus_for_an_unknown_criterion():
    b = bonus(1)
    b[0]["tieu_chi"] = "9.9"
    assert ("bang-cham-diem.tieu-chi-khong-co", "noi_dung.diem_thuong[0].tieu_chi") in \
        _problems(diem_thuong=b)


def test_group_ceilings_above_the_scale():
    found = _problems(thang_diem={"diem_toi_da": 90, "diem_thuong_toi_da": 5})
    assert ("bang-cham-diem.nhom-vuot-thang-diem", "noi_dung.thang_diem.diem_toi_da") in found


def test_every_problem_at_once_under_a_given_path():
    data = body(diem_thuong=bonus(2, diem=2))
    data["nhom"][0]["tieu_chi"][0]["tu_cham"] = 11
    found = check_bang(model(data), "noi_dung.don_vi[3].bang_cham_diem")
    assert len(found) == 3
    assert all(p.path.startswith("noi_dung.don_vi[3].bang_cham_diem.") for p in found)


def test_criterion_without_any_standard():
    data = body()
    data["nhom"][0]["tieu_chi"][0] = {"ten": "Tiêu chí trống"}
    assert ("bang-cham-diem.khong-diem-chuan", "noi_dung.nhom[0].tieu_chi[0].diem_chuan") in {
        (p.code, p.path) for p in check_bang(model(data))}


def test_bonus_naming_a_code_used_in_several_groups():
    b = bonus(1)
    b[0]["tieu_chi"] = "1"
    p = _problems(diem_thuong=b)["bang-cham-diem.tieu-chi-trung-ma",
                                 "noi_dung.diem_thuong[0].tieu_chi"]
    assert "I.1" in p.message
    b[0]["tieu_chi"] = "II.1"
    assert _problems(diem_thuong=b) == {}


def test_half_ceiling_needs_the_party_group_marked():
    assert ("bang-cham-diem.thieu-nhom-to-chuc", "noi_dung.khong_co_dang_cong_doan") in \
        _problems(khong_co_dang_cong_doan=True)
