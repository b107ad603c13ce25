"""The ranking body: every mistake located; members with tables computed like bang-cham-diem."""

from __future__ import annotations

import copy

import pytest
from scoring_helpers import BASE

import vanban
from vanban.model.xep_hang_khoi_thi_dua import XepHangKhoiThiDua
from vanban.scoring.bloc import check_xep_hang, tinh_xep_hang


def _body(**changes) -> dict:
    body = {"nam": 2021, "khoi": "Khối tổng hợp",
            "thang_diem": {"diem_toi_da": 95, "diem_thuong_toi_da": 5},
            "don_vi": [{"ten": "Sở Nội vụ", "bang_cham_diem": copy.deepcopy(BASE)},
                       {"ten": "Sở Tài chính", "tong_diem": 90, "diem_thuong": 2,
                        "diem_tru": 0.5},
                       {"ten": "Đài Phát thanh", "tong_diem": 86.5},
                       {"ten": "Ban Dân tộc", "tong_diem": 86.5}],
            "de_nghi": [{"hinh_thuc": "Cờ thi đua", "so_luong": 1}]}
    body.update(changes)
    return body


def _problems(body: dict) -> dict:
    return {(p.code, p.path): p for p in check_xep_hang(XepHangKhoiThiDua.model_validate(body))}


def test_members_with_tables_and_with_totals_rank_together():
    body = XepHangKhoiThiDua.model_validate(_body())
    assert check_xep_hang(body) == []
    r = tinh_xep_hang(body)
    assert [(u.hang, u.ten, float(u.tong)) for u in r.don_vi] == [
        (1, "Sở Tài chính", 90), (2, "Ban Dân tộc", 86.5), (2, "Đài Phát thanh", 86.5),
        (2, "Sở Nội vụ", 86.5)]
    assert float(r.don_vi[0].diem) == 88.5  # 90 − 2 bonus + 0,5 deduction
    assert r.de_nghi == [("Cờ thi đua", ["Sở Tài chính"])]


def test_member_table_with_a_serious_violation_is_not_ranked():
    body = _body()
    body["don_vi"][0]["bang_cham_diem"]["diem_tru"] = {"phe_binh_sai_pham_nghiem_trong": True}
    r = tinh_xep_hang(XepHangKhoiThiDua.model_validate(body))
    assert (r.don_vi[-1].ten, r.don_vi[-1].hang) == ("Sở Nội vụ", None)


def test_member_table_problems_are_located_inside_the_member():
    body = _body()
    body["don_vi"][0]["bang_cham_diem"]["nhom"][0]["tieu_chi"][0]["tu_cham"] = 11
    found = _problems(body)
    assert ("bang-cham-diem.vuot-diem-chuan",
            "noi_dung.don_vi[0].bang_cham_diem.nhom[0].tieu_chi[0].tu_cham") in found


@pytest.mark.parametrize(("unit", "code", "field"), [
    ({"ten": "X", "tong_diem": 90, "bang_cham_diem": BASE}, "xep-hang.hai-nguon-diem",
     "tong_diem"),
    ({"ten": "X"}, "xep-hang.thieu-diem", "tong_diem"),
    ({"ten": "X", "tong_diem": 100.5}, "xep-hang.vuot-thang-diem", "tong_diem"),
    ({"ten": "X", "tong_diem": 90, "diem_thuong": 6}, "xep-hang.thuong-vuot-tran",
     "diem_thuong"),
    ({"ten": "Sở  nội vụ", "tong_diem": 90}, "xep-hang.trung-ten", "ten"),
])
def test_member_mistakes(unit, code, field):
    body = _body()
    body["don_vi"].append(copy.deepcopy(unit))
    assert (code, f"noi_dung.don_vi[4].{field}") in _problems(body)


def test_member_table_of_another_year_and_not_fully_scored():
    body = _body()
    table = body["don_vi"][0]["bang_cham_diem"]
    table["nam"] = 2020
    del table["nhom"][1]["tieu_chi"][0]["tu_cham"]
    found = _problems(body)
    assert ("xep-hang.nam-khac", "noi_dung.don_vi[0].bang_cham_diem.nam") in found
    p = found["xep-hang.chua-cham-du", "noi_dung.don_vi[0].bang_cham_diem.nhom[1].tieu_chi[0]"]
    assert "chưa chấm đủ: còn 1 tiêu chí" in p.message


def test_more_proposals_than_eligible_units():
    body = _body(de_nghi=[{"hinh_thuc": "Cờ thi đua", "so_luong": 2},
                          {"hinh_thuc": "Bằng khen", "so_luong": 3}])
    p = _problems(body)["xep-hang.de-nghi-qua-so-don-vi", "noi_dung.de_nghi[1].so_luong"]
    assert "Đề nghị 5 đơn vị nhưng khối chỉ có 4 đơn vị được xét" in p.message


def test_model_errors_come_in_vietnamese_with_paths_through_the_pipeline():
    data = vanban.example("bang-cham-diem")
    data["noi_dung"]["nhom"][0]["tieu_chi"][0]["tu_cham"] = -1
    data["noi_dung"]["diem_tru"]["van_ban_nhac_nho"] = 1.5
    data["noi_dung"]["nhom"][0]["tieu_chi"][1]["muc_do"] = "Tốt"
    with pytest.raises(vanban.InputError) as exc:
        vanban.validate("bang-cham-diem", data)
    found = {p.path: p.message for p in exc.value.problems}
    assert found["noi_dung.nhom[0].tieu_chi[0].tu_cham"] == "Phải lớn hơn hoặc bằng 0."
    assert "số nguyên" in found["noi_dung.diem_tru.van_ban_nhac_nho"]
    assert "không có trong mẫu" in found["noi_dung.nhom[0].tieu_chi[1].muc_do"]


def test_body_rules_reported_even_when_the_envelope_fails():
    data = vanban.example("bang-cham-diem")
    del data["dia_danh"]
    data["noi_dung"]["nhom"][0]["tieu_chi"][0]["tu_cham"] = 99
    with pytest.raises(vanban.InputError) as exc:
        vanban.validate("bang-cham-diem", data)
    assert {p.code for p in exc.value.problems} == {"input.missing",
                                                    "bang-cham-diem.vuot-diem-chuan"}


@pytest.mark.parametrize("value", [True, 1e300, float("inf"), ["100"], {"a": 1}])
def test_plan_value_is_a_number_or_text_with_one_clear_error(value):
    data = vanban.example("bang-cham-diem")
    data["noi_dung"]["nhom"][0]["tieu_chi"][0]["ke_hoach"] = value
    data["noi_dung"]["diem_thuong"][0]["thuc_hien"] = 2e12
    with pytest.raises(vanban.InputError) as exc:
        vanban.validate("bang-cham-diem", data)
    found = {p.path: p for p in exc.value.problems}
    assert found["noi_dung.nhom[0].tieu_chi[0].ke_hoach"].code == "gia-tri.kieu"
    assert "1.000.000.000.000" in found["noi_dung.diem_thuong[0].thuc_hien"].message
