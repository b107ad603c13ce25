"""The submission list: grouped, counted from the lines, one deciding authority."""

from __future__ import annotations

from vanban.ho_so.danh_sach import dem, resolve
from vanban.model.ho_so import DeNghiKhenThuong

TINH = "Chủ tịch Ủy ban nhân dân tỉnh"


def line(ten, doi_tuong="ca_nhan", khen_thuong="Bằng khen", nguoi_tang=None):
    return DeNghiKhenThuong(ten=ten, doi_tuong=doi_tuong, khen_thuong=khen_thuong,
                            nguoi_tang=nguoi_tang)


def test_counts_equal_the_list_and_groups_are_tap_the_then_ca_nhan():
    items = [
        line("Nguyễn Văn An"), line("Phòng Tổ chức", "tap_the"), line("Trần Thị Bình"),
        line("Lê Văn Cường", khen_thuong="Chiến sĩ thi đua cấp tỉnh"),
        line("Văn phòng Sở", "tap_the"), line("Phạm Thu Dung"),
    ]
    ds, problems = resolve(items, "noi_dung.danh_sach", TINH)
    assert problems == []
    assert (ds.so_tap_the, ds.so_ca_nhan) == (2, 4)
    assert ds.so_tap_the + ds.so_ca_nhan == len(items)
    # highest award first: Bằng khen (rank 20) before Chiến sĩ thi đua cấp tỉnh (30)
    names = [n.ten for n in ds.nhom]
    assert names == ["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                     "Chiến sĩ thi đua bộ, ban, ngành, tỉnh"]
    assert [d.de_nghi.ten for d in ds.dong] == [
        "Phòng Tổ chức", "Văn phòng Sở", "Nguyễn Văn An", "Trần Thị Bình", "Phạm Thu Dung",
        "Lê Văn Cường"]
    assert ds.tham_quyen == TINH
    assert ds.cau() == ("tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể và 03 "
                        "cá nhân; công nhận danh hiệu “Chiến sĩ thi đua bộ, ban, ngành, tỉnh” "
                        "cho 01 cá nhân")


def test_mixing_thu_tuong_and_chu_tich_nuoc_is_refused_with_its_path():
    items = [
        line("Nguyễn Văn An", khen_thuong="Bằng khen của Thủ tướng Chính phủ"),
        line("Sở Nội vụ", "tap_the", khen_thuong="Huân chương Lao động hạng Ba"),
    ]
    ds, problems = resolve(items, "noi_dung.danh_sach")
    assert [(p.code, p.path) for p in problems] == [
        ("danh_sach.mixed-authority", "noi_dung.danh_sach[1].khen_thuong")]
    assert "Chủ tịch nước" in problems[0].message and "Thủ tướng" in problems[0].message


def test_co_thi_dua_cua_chinh_phu_goes_with_the_thu_tuong():
    items = [
        line("Nguyễn Văn An", khen_thuong="Chiến sĩ thi đua toàn quốc"),
        line("Sở Nội vụ", "tap_the", khen_thuong="Cờ thi đua của Chính phủ"),
    ]
    ds, problems = resolve(items, "d")
    assert problems == [] and ds.tham_quyen == "Thủ tướng Chính phủ"


def test_wrong_recipient_kind_unknown_award_and_duplicates():
    items = [
        line("Nguyễn Văn An", khen_thuong="Tập thể lao động xuất sắc"),
        line("Trần Thị Bình", khen_thuong="Bằng khen hạng sang"),
        line("Phạm Thu Dung"), line("phạm thu dung"),
    ]
    ds, problems = resolve(items, "d", TINH)
    assert ds is None
    assert [(p.code, p.path) for p in problems] == [
        ("danh_sach.doi-tuong", "d[0].doi_tuong"),
        ("award.unknown", "d[1].khen_thuong"),
        ("danh_sach.duplicate", "d[3].ten"),
    ]


def test_counting_words():
    assert dem(3, 5) == "03 tập thể và 05 cá nhân"
    assert dem(0, 12) == "12 cá nhân"
    assert dem(1, 0) == "01 tập thể"


def test_a_line_outside_the_documents_authority_is_refused():
    items = [line("Nguyễn Văn An", khen_thuong="Bằng khen của Thủ tướng Chính phủ")]
    _, problems = resolve(items, "d", TINH)
    assert [(p.code, p.path) for p in problems] == [("danh_sach.mixed-authority",
                                                     "d[0].khen_thuong")]
    # a conferrer written in the award's name wins over the document's default
    ds, problems = resolve(items, "d")
    assert problems == [] and ds.tham_quyen == "Thủ tướng Chính phủ"
