"""The four commendation templates through the pipeline: rules the models alone cannot see,
reported with their JSON paths; the computed figures (``compute``); printed wording."""

from __future__ import annotations

import copy

import pytest

import vanban
from vanban.check.docx_facts import load
from vanban.templates import REGISTRY


def example(template: str) -> dict:
    return copy.deepcopy(REGISTRY.get(template).example())


def problems(template: str, data: dict) -> list[tuple[str, str]]:
    with pytest.raises(vanban.InputError) as exc:
        vanban.validate(template, data)
    return [(p.code, p.path) for p in exc.value.problems]


def text(template: str, data: dict) -> str:
    return "\n".join(p.text for p in load(vanban.render(template, data)).paragraphs)


def test_minutes_are_signed_by_the_chair_and_have_no_recipients():
    d = example("bien-ban-hop-xet")
    d["nguoi_ky"]["ho_ten"] = "Người Khác"
    d["nguoi_ky"]["chuc_vu"] = "GIÁM ĐỐC"
    d["noi_nhan"] = ["Lưu: VT"]
    assert problems("bien-ban-hop-xet", d) == [("bien_ban.nguoi-ky", "nguoi_ky.ho_ten"),
                                               ("bien_ban.chu-toa-ky", "nguoi_ky.chuc_vu"),
                                               ("bien_ban.noi-nhan", "noi_nhan")]


def test_minutes_print_the_computed_results():
    body = text("bien-ban-hop-xet", example("bien-ban-hop-xet"))
    assert "Thời gian bắt đầu: 08 giờ 00 phút, ngày 10 tháng 12 năm 2025." in body
    assert "Thành viên có mặt: 08/09 thành viên:" in body
    assert "Trịnh Công Sơn: Đồng ý với danh sách đề nghị của các phòng." in body
    assert "Có 05/06 trường hợp đạt tỷ lệ đồng ý" in body
    assert "Cuộc họp kết thúc vào 10 giờ 30 phút cùng ngày./." in body
    compute = REGISTRY.get("bien-ban-hop-xet").module.compute(
        vanban.pipeline.validate("bien-ban-hop-xet", example("bien-ban-hop-xet")))
    hai = next(r for r in compute["ket_qua"] if r["ten"] == "Trần Văn Hải")
    assert (hai["ty_le"], hai["nguong"], hai["dat"]) == ("88,89%", "≥ 90%", False)  # rounded


def test_achievement_report_rules():
    d = example("bao-cao-thanh-tich")
    d["trich_yeu"] = "Người khác"
    d["noi_dung"]["danh_hieu"][2]["nam"] = 2023  # after 2024, and a second title for 2023
    d["noi_dung"]["hinh_thuc"][0]["ten"] = "Chiến sĩ thi đua cơ sở"
    d["noi_nhan"] = ["Lưu: VT"]
    assert problems("bao-cao-thanh-tich", d) == [
        ("bao_cao.nam-thu-tu", "noi_dung.danh_hieu[2].nam"),
        ("bao_cao.trung-nam", "noi_dung.danh_hieu[2].ten"),
        ("bao_cao.sai-bang", "noi_dung.hinh_thuc[0].ten"),
        ("bao_cao.ten", "trich_yeu"),
        ("bao_cao.noi-nhan", "noi_nhan"),
    ]


def test_achievement_report_variant_follows_loai():
    d = example("bao-cao-thanh-tich")
    d["noi_dung"]["loai"] = "tap_the"
    assert ("bao_cao.dac-diem", "noi_dung") in problems("bao-cao-thanh-tich", d)


def test_achievement_report_has_no_number_and_the_form_title():
    body = text("bao-cao-thanh-tich", example("bao-cao-thanh-tich"))
    assert "Số" not in body.split("BÁO CÁO THÀNH TÍCH")[0]
    assert ("BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG CHIẾN SĨ THI ĐUA BỘ, BAN, NGÀNH, TỈNH "
            "Nguyễn Thị Hồng Nhung") in " ".join(body.split())
    for line in ("THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", "NGƯỜI BÁO CÁO THÀNH TÍCH",
                 "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "Quyết định số 98/QĐ-SNV ngày 20/12/2023 "
                 "của Giám đốc Sở Nội vụ"):
        assert line in " ".join(body.split())  # signature titles are broken by vanban


def test_submission_refuses_a_second_authority_with_its_path():
    d = example("to-trinh-khen-thuong")
    d["noi_dung"]["danh_sach"][1]["khen_thuong"] = "Huân chương Lao động hạng Ba"
    assert problems("to-trinh-khen-thuong", d) == [
        ("danh_sach.mixed-authority", "noi_dung.danh_sach[1].khen_thuong")]


def test_submission_counts_and_legal_bases_by_date():
    d = example("to-trinh-khen-thuong")
    body = text("to-trinh-khen-thuong", d)
    assert ("cho 02 tập thể và 02 cá nhân; công nhận danh hiệu “Chiến sĩ thi đua bộ, ban, ngành, "
            "tỉnh” cho 01 cá nhân") in body
    assert "(có danh sách và báo cáo thành tích kèm theo)" in body
    assert "Nghị định số 152/2025/NĐ-CP" in body and "98/2023" not in body
    d["ngay"] = "2025-06-30"  # before NĐ 152 took effect
    d["noi_dung"]["bien_ban_ngay"] = "2025-06-27"
    body = text("to-trinh-khen-thuong", d)
    assert "Nghị định số 98/2023/NĐ-CP" in body and "152/2025" not in body


def test_decision_money_needs_a_known_multiple():
    d = example("quyet-dinh-khen-thuong")
    d["ngay"] = "2025-06-20"  # NĐ 98 table: no Bằng khen multiple in the data yet
    found = problems("quyet-dinh-khen-thuong", d)
    assert found[0] == ("tien_thuong.khong-co-he-so", "noi_dung.danh_sach[0].khen_thuong")
    d["noi_dung"]["tien_thuong"] = False
    vanban.validate("quyet-dinh-khen-thuong", d)


def test_decision_amounts_follow_the_base_salary_on_the_decision_date():
    d = example("quyet-dinh-khen-thuong")
    module = REGISTRY.get("quyet-dinh-khen-thuong").module
    before = module.compute(vanban.pipeline.validate("quyet-dinh-khen-thuong", d))
    d["ngay"] = "2026-07-01"
    after = module.compute(vanban.pipeline.validate("quyet-dinh-khen-thuong", d))
    assert (before["luong_co_so"], after["luong_co_so"]) == (2_340_000, 2_530_000)
    assert before["tong"] == 2 * 7_020_000 + 2 * 3_510_000 + 7_020_000
    assert after["tong"] == 2 * 7_590_000 + 2 * 3_800_000 + 7_590_000
    body = text("quyet-dinh-khen-thuong", d)
    assert "Tổng số tiền thưởng là 30.370.000 đồng (bằng chữ: Ba mươi triệu ba trăm bảy mươi " \
        "nghìn đồng)" in body


def test_unknown_awards_are_reported_even_when_the_model_fails():
    d = example("to-trinh-khen-thuong")
    d["noi_dung"]["danh_sach"][0]["khen_thuong"] = "Bằng khen vàng ròng"
    del d["noi_dung"]["thanh_tich"]
    found = problems("to-trinh-khen-thuong", d)
    assert ("input.missing", "noi_dung.thanh_tich") in found
    assert ("award.unknown", "noi_dung.danh_sach[0].khen_thuong") in found
