"""Rules of the plan, letter and registration bodies, reported with the field's JSON path."""

from __future__ import annotations

import json

import pytest

import vanban
from vanban.templates import REGISTRY


def example(template_id: str) -> dict:
    return json.loads(json.dumps(REGISTRY.get(template_id).example()))


def problems(template_id: str, data: dict) -> dict[str, str]:
    with pytest.raises(vanban.InputError) as info:
        vanban.validate(template_id, data)
    return {p.path: p.code for p in info.value.problems}


def test_drive_that_ends_before_it_starts():
    data = example("ke-hoach-thi-dua")
    data["noi_dung"]["thoi_gian"] = {"tu_ngay": "2025-06-01", "den_ngay": "2025-05"}
    assert problems("ke-hoach-thi-dua", data) == {
        "noi_dung.thoi_gian": "ke_hoach.thoi_gian"}


def test_drive_ending_in_its_starting_month_is_fine():
    data = example("ke-hoach-thi-dua")
    data["noi_dung"]["thoi_gian"] = {"tu_ngay": "2025-05-20", "den_ngay": "2025-05"}
    vanban.validate("ke-hoach-thi-dua", data)


def test_unknown_award_in_plan_and_registration_named_with_path():
    plan = example("ke-hoach-thi-dua")
    plan["noi_dung"]["khen_thuong"][0]["ten"] = "Huy hiệu vàng"
    assert problems("ke-hoach-thi-dua", plan) == {
        "noi_dung.khen_thuong[0].ten": "award.unknown"}
    reg = example("dang-ky-thi-dua")
    reg["noi_dung"]["ca_nhan"][1]["danh_hieu"] = "Chiến sĩ thi đua cấp xã"
    assert "noi_dung.ca_nhan[1].danh_hieu" in problems("dang-ky-thi-dua", reg)


def test_registration_needs_a_target_and_deadline_needs_a_date():
    reg = example("dang-ky-thi-dua")
    reg["noi_dung"]["tap_the"] = []
    reg["noi_dung"]["ca_nhan"] = []
    assert problems("dang-ky-thi-dua", reg) == {"noi_dung": "dang_ky.empty"}
    plan = example("ke-hoach-thi-dua")
    plan["noi_dung"]["thoi_han"][0]["han"] = "10/4/2025"
    assert problems("ke-hoach-thi-dua", plan) == {"noi_dung.thoi_han[0].han": "date.invalid"}


def test_letter_abstract_per_family():
    from vanban.check.docx_facts import load

    data = example("cong-van")
    state = load(vanban.render("cong-van", data))
    assert state.find("V/v hướng dẫn tổng kết") is not None
    assert state.find("Số: 572/SNV-TĐKT") is not None
    data["the_thuc"] = "dang"
    data["nguoi_ky"] = {"quyen_han": "TM", "thay_cho": "BAN THƯỜNG VỤ", "chuc_vu": "BÍ THƯ",
                        "ho_ten": "Nguyễn Văn A"}
    party = load(vanban.render("cong-van", data))
    p = party.find("Hướng dẫn tổng kết công tác")
    assert p is not None and p.italic and p.size_pt == 12 and "V/v" not in p.text
    assert party.find("Số 572-CV/SNV") is not None


def test_a_plan_has_no_kinh_gui():
    data = example("ke-hoach-thi-dua")
    data["kinh_gui"] = ["Các phòng, đơn vị"]
    assert problems("ke-hoach-thi-dua", data) == {"kinh_gui": "ke_hoach.kinh_gui"}


def test_letter_lists_nhu_tren_first_once():
    from vanban import pipeline

    data = example("cong-van")
    data["noi_nhan"] = ["UBND tỉnh (b/c)", "Lưu: VT, TĐKT"]
    env = pipeline.validate("cong-van", data)
    assert pipeline.context("cong-van", env)["noi_nhan"][0] == "- Như trên;"
    data["noi_nhan"] = ["Như trên", "Lưu: VT"]
    lines = pipeline.context("cong-van", pipeline.validate("cong-van", data))["noi_nhan"]
    assert lines == ["- Như trên;", "- Lưu: VT."]
