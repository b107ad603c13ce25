"""The minutes: counts of members, votes against the membership, computed results."""

from __future__ import annotations

import copy

from vanban.ho_so.bien_ban import dat_nguong, ket_qua_xet, kiem_tra
from vanban.model.bien_ban_hop_xet import BienBanHopXet

MEMBERS = [{"ho_ten": f"Thành viên {i}"} for i in range(1, 10)]
BASE = {
    "hoi_dong": "Hội đồng Thi đua - Khen thưởng Sở Nội vụ",
    "ngay_hop": "2025-12-10", "bat_dau": "8:00", "ket_thuc": "10:30",
    "dia_diem": "Phòng họp số 1", "noi_dung_xet": "thành tích năm 2025",
    "nguoi_tang": "Chủ tịch Ủy ban nhân dân tỉnh",
    "so_thanh_vien": 10,
    "chu_toa": {"ho_ten": "Thành viên 1", "chuc_vu": "Giám đốc Sở"},
    "thu_ky": {"ho_ten": "Nguyễn Thư Ký"},
    "co_mat": MEMBERS,
    "vang_mat": [{"ho_ten": "Thành viên 10", "ly_do": "đi công tác",
                  "y_kien": "Đồng ý với danh sách."}],
    "hinh_thuc": "bo-phieu-kin",
    "ket_qua": [
        {"ten": "Nguyễn Văn An", "doi_tuong": "ca_nhan",
         "khen_thuong": "Chiến sĩ thi đua cơ sở", "dong_y": 8, "khong_dong_y": 2},
        {"ten": "Trần Thị Bình", "doi_tuong": "ca_nhan",
         "khen_thuong": "Chiến sĩ thi đua cơ sở", "dong_y": 7, "khong_dong_y": 3},
        {"ten": "Phòng Tổ chức", "doi_tuong": "tap_the", "khen_thuong": "Bằng khen",
         "dong_y": 10},
    ],
}


def body(**changes):
    data = copy.deepcopy(BASE)
    data.update(changes)
    return BienBanHopXet.model_validate(data)


def codes(bb):
    return [(p.code, p.path) for p in kiem_tra(bb)]


def test_a_valid_meeting_and_its_results():
    bb = body()
    assert kiem_tra(bb) == []
    assert bb.bat_dau == "08:00"
    results = ket_qua_xet(bb)
    assert [(r.ket_qua.ty_le_text, r.dat) for r in results] == [
        ("80%", True), ("70%", False), ("100%", True)]
    assert [r.phieu.ten for r in dat_nguong(bb)] == ["Nguyễn Văn An", "Phòng Tổ chức"]
    assert results[2].match.ten_day_du == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"


def test_present_plus_absent_must_equal_members():
    assert codes(body(so_thanh_vien=11)) == [("bien_ban.thanh-vien", "noi_dung.so_thanh_vien")]


def test_votes_cannot_exceed_the_membership():
    bb = body(ket_qua=[{"ten": "A", "doi_tuong": "ca_nhan", "khen_thuong": "Lao động tiên tiến",
                        "dong_y": 9, "khong_dong_y": 2}])
    assert codes(bb) == [("bien_ban.phieu-vuot", "noi_dung.ket_qua[0].dong_y")]


def test_votes_cannot_exceed_the_members_who_gave_an_opinion():
    absent = [{"ho_ten": "Thành viên 10", "ly_do": "ốm"}]  # no written opinion
    bb = body(vang_mat=absent, ket_qua=[{"ten": "A", "doi_tuong": "ca_nhan",
                                          "khen_thuong": "Lao động tiên tiến", "dong_y": 10}])
    assert codes(bb) == [("bien_ban.phieu-vuot-co-mat", "noi_dung.ket_qua[0].dong_y")]


def test_chair_must_be_present_and_times_in_order():
    bb = body(chu_toa={"ho_ten": "Người Lạ"}, ket_thuc="07:00")
    assert codes(bb) == [("bien_ban.chu-toa", "noi_dung.chu_toa.ho_ten"),
                         ("bien_ban.gio", "noi_dung.ket_thuc")]


def test_titles_that_need_a_secret_ballot():
    assert ("bien_ban.phai-bo-phieu", "noi_dung.hinh_thuc") in codes(body(hinh_thuc="bieu-quyet"))


def test_unknown_award_is_reported_at_its_path():
    bb = body(ket_qua=[{"ten": "A", "doi_tuong": "ca_nhan", "khen_thuong": "Huy hiệu lạ",
                        "dong_y": 9}])
    assert codes(bb) == [("award.unknown", "noi_dung.ket_qua[0].khen_thuong")]
