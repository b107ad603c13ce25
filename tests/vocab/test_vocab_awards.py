"""Award and conferrer vocabulary (vanban.vocab, data in vocab/khen_thuong.toml)."""

from __future__ import annotations

import random
import tomllib
import unicodedata
from importlib import resources

import pytest

from vanban.errors import InputError
from vanban.vocab import (
    Award,
    AwardMatch,
    Conferrer,
    all_awards,
    all_conferrers,
    award_by_id,
    dong_tu,
    find_award,
    find_conferrer,
    normalize,
    rank_key,
)

DATA = tomllib.loads(
    resources.files("vanban.vocab").joinpath("khen_thuong.toml").read_text(encoding="utf-8")
)
AWARD_ALIASES = [(row["id"], alias) for row in DATA["khen_thuong"] for alias in row["aliases"]]
CONFERRER_ALIASES = [(row["ten"], alias) for row in DATA["nguoi_tang"] for alias in row["aliases"]]


# ───────────────────────────── the data ─────────────────────────────


def test_data_covers_the_spec():
    names = {a.ten for a in all_awards()}
    for ten in [
        "Chiến sĩ thi đua toàn quốc",
        "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",  # the name of Luật Thi đua, khen thưởng 2022
        "Chiến sĩ thi đua cơ sở",
        "Lao động tiên tiến",
        "Chiến sĩ tiên tiến",
        "Cờ thi đua của Chính phủ",
        "Cờ thi đua",
        "Tập thể lao động xuất sắc",
        "Đơn vị quyết thắng",
        "Tập thể lao động tiên tiến",
        "Đơn vị tiên tiến",
        "Xã, phường, thị trấn tiêu biểu",
        "Thôn, tổ dân phố văn hóa",
        "Gia đình văn hóa",
        "Huân chương Sao vàng",
        "Huân chương Hồ Chí Minh",
        "Huân chương Độc lập hạng Nhất",
        "Huân chương Lao động hạng Ba",
        "Huân chương Chiến công hạng Nhì",
        "Huân chương Đại đoàn kết dân tộc",
        "Huân chương Dũng cảm",
        "Huân chương Hữu nghị",
        "Huy chương Quân kỳ quyết thắng",
        "Huy chương Chiến sĩ vẻ vang hạng Ba",
        "Huy chương Hữu nghị",
        "Bà mẹ Việt Nam anh hùng",
        "Anh hùng Lao động",
        "Nghệ nhân ưu tú",
        "Giải thưởng Hồ Chí Minh",
        "Giải thưởng Nhà nước",
        "Kỷ niệm chương",
        "Bằng khen",
        "Giấy khen",
    ]:
        assert ten in names, ten


def test_award_fields_are_well_formed():
    awards = all_awards()
    assert len({a.id for a in awards}) == len(awards)
    for award in awards:
        assert isinstance(award, Award)
        assert award.id.isascii()
        assert award.loai in ("danh_hieu", "hinh_thuc")
        assert isinstance(award.doi_tuong, tuple) and award.doi_tuong
        assert set(award.doi_tuong) <= {"ca_nhan", "tap_the", "ho_gia_dinh"}
        assert award.cap in (None, 1, 2, 3, 4)
        assert isinstance(award.thu_tu, int)
        if award.nguoi_tang is not None:
            assert find_conferrer(award.nguoi_tang).known
    assert award_by_id("bang-khen").ten == "Bằng khen"


def test_conferrer_dependent_forms_have_no_fixed_level():
    for award_id in ("bang-khen", "giay-khen", "co-thi-dua", "ky-niem-chuong"):
        assert award_by_id(award_id).cap is None
    assert award_by_id("huan-chuong-lao-dong-hang-ba").nguoi_tang == "Chủ tịch nước"
    assert award_by_id("co-thi-dua-cua-chinh-phu").nguoi_tang == "Chính phủ"


# ───────────────────────────── matching ─────────────────────────────


@pytest.mark.parametrize("award", all_awards(), ids=lambda a: a.id)
def test_canonical_name_found(award):
    match = find_award(award.ten)
    assert isinstance(match, AwardMatch)
    assert match.award == award


@pytest.mark.parametrize(("award_id", "alias"), AWARD_ALIASES)
def test_every_alias_resolves(award_id, alias):
    assert find_award(alias).award.id == award_id


@pytest.mark.parametrize(("ten", "alias"), CONFERRER_ALIASES)
def test_every_conferrer_alias_resolves(ten, alias):
    conferrer = find_conferrer(alias)
    assert conferrer.ten == ten
    assert conferrer.known


@pytest.mark.parametrize(
    ("text", "award_id"),
    [
        ("Chiến sỹ thi đua cấp cơ sở", "chien-si-thi-dua-co-so"),
        ("chiến sỹ thi đua cấp cơ sở", "chien-si-thi-dua-co-so"),  # seed 001
        ("CSTĐ cơ sở", "chien-si-thi-dua-co-so"),
        ("danh hiệu “Chiến sỹ thi đua cấp cơ sở”", "chien-si-thi-dua-co-so"),  # seed 000
        ("danh hiệu “Tập thể lao động Xuất sắc”", "tap-the-lao-dong-xuat-sac"),  # seed 000
        ("“Tập thể Lao động tiên tiến”", "tap-the-lao-dong-tien-tien"),
        ("LĐTT", "lao-dong-tien-tien"),
        ("  Lao   động tiên tiến ", "lao-dong-tien-tien"),
        ("Gia đình văn hoá", "gia-dinh-van-hoa"),
        ("Huân chương Lao động hạng III", "huan-chuong-lao-dong-hang-ba"),
        ("Huân chương lao động hạng 2", "huan-chuong-lao-dong-hang-nhi"),
        ("Kỉ niệm chương", "ky-niem-chuong"),
        ("Nghệ sỹ nhân dân", "nghe-si-nhan-dan"),
    ],
)
def test_spelling_variants(text, award_id):
    assert find_award(text).award.id == award_id


def test_nfd_input_matches():
    text = unicodedata.normalize("NFD", "Chiến sĩ thi đua cơ sở")
    assert text != unicodedata.normalize("NFC", text)
    assert find_award(text).award.id == "chien-si-thi-dua-co-so"
    conferrer = find_conferrer(unicodedata.normalize("NFD", "Chủ tịch UBND tỉnh"))
    assert conferrer.ten == "Chủ tịch Ủy ban nhân dân tỉnh"


def test_normalize_unifies_tone_placement_and_abbreviations():
    assert normalize("Hoà bình") == normalize("hòa bình")
    assert normalize("Uỷ ban") == normalize("Ủy ban")
    assert normalize("Chiến sỹ") == normalize("chiến sĩ")
    assert normalize("UBND tỉnh") == normalize("Ủy ban nhân dân tỉnh")
    assert normalize("TTg") == "thủ tướng"


# ───────────────────────────── levels and conferrers ─────────────────────────────


def test_bang_khen_level_follows_conferrer():
    tinh = find_award("Bằng khen", nguoi_tang="Chủ tịch UBND tỉnh")
    assert tinh.award.id == "bang-khen"
    assert tinh.nguoi_tang == Conferrer("Chủ tịch Ủy ban nhân dân tỉnh", 3)
    assert tinh.cap == 3
    ttg = find_award("Bằng khen", nguoi_tang="Thủ tướng Chính phủ")
    assert ttg.cap == 2
    assert ttg.ten_day_du == "Bằng khen của Thủ tướng Chính phủ"


@pytest.mark.parametrize(
    ("text", "conferrer", "cap"),
    [
        ("Bằng khen của Thủ tướng Chính phủ", "Thủ tướng Chính phủ", 2),  # seed 004
        ("Bằng khen Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh", 3),
        ("bằng khen của UBND tỉnh", "Ủy ban nhân dân tỉnh", 3),
        ("Bằng khen của TTg", "Thủ tướng Chính phủ", 2),
        (
            "Giấy khen của Đảng ủy Khối cơ quan và doanh nghiệp tỉnh",
            "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh",
            3,
        ),  # seed 001
        ("Giấy khen của Giám đốc Sở Nội vụ", "Giám đốc Sở Nội vụ", 4),
        ("Bằng khen Bộ trưởng Bộ Tài chính", "Bộ trưởng Bộ Tài chính", 3),
    ],
)
def test_form_with_conferrer_in_text(text, conferrer, cap):
    match = find_award(text)
    assert match.award.loai == "hinh_thuc"
    assert match.nguoi_tang is not None and match.nguoi_tang.ten == conferrer
    assert match.cap == cap


def test_explicit_conferrer_wins_over_text():
    match = find_award("Bằng khen của UBND tỉnh", nguoi_tang="Thủ tướng Chính phủ")
    assert match.cap == 2


def test_level_written_in_the_name():
    assert find_award("Bằng khen cấp tỉnh").cap == 3
    assert find_award("Cờ thi đua của bộ, ban, ngành, tỉnh").cap == 3
    assert find_award("Bằng khen").cap is None


def test_flag_of_the_government():
    assert find_award("Cờ thi đua", nguoi_tang="Chính phủ").award.id == "co-thi-dua-cua-chinh-phu"
    match = find_award("Cờ thi đua của Chính phủ")
    assert match.award.id == "co-thi-dua-cua-chinh-phu"
    assert match.cap == 2
    assert find_award("Cờ thi đua", nguoi_tang="UBND tỉnh").award.id == "co-thi-dua"


def test_default_conferrer():
    match = find_award("Huân chương Lao động hạng Ba")
    assert match.nguoi_tang is not None and match.nguoi_tang.ten == "Chủ tịch nước"
    assert match.cap == 1
    assert find_award("Lao động tiên tiến").nguoi_tang is None


def test_commemorative_medal_name():
    match = find_award("Kỷ niệm chương “Vì sự nghiệp Giáo dục” của Bộ Giáo dục và Đào tạo")
    assert match.award.id == "ky-niem-chuong"
    assert match.ten_rieng == "Vì sự nghiệp Giáo dục"
    assert match.cap == 3


@pytest.mark.parametrize(
    ("text", "cap", "known"),
    [
        ("Chủ tịch nước", 1, True),
        ("TTg", 2, True),
        ("Thủ tướng", 2, True),
        ("LĐLĐ tỉnh", 3, True),
        ("Chủ tịch Uỷ ban nhân dân tỉnh", 3, True),
        ("Giám đốc Sở Nội vụ", 4, False),
        ("Bộ trưởng Bộ Nội vụ", 3, False),
        ("Ban Chấp hành Trung ương Đoàn", 3, False),
        ("Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam", 3, True),
        ("Ban Thường vụ Đảng ủy Khối", 4, False),
        ("Chi bộ Văn phòng", 4, False),
    ],
)
def test_find_conferrer(text, cap, known):
    conferrer = find_conferrer(text)
    assert conferrer.cap == cap
    assert conferrer.known is known
    if not known:
        assert conferrer.ten == text


def test_all_conferrers_listed():
    names = {c.ten for c in all_conferrers()}
    assert {
        "Chủ tịch nước",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        "Ủy ban nhân dân tỉnh",
        "Chủ tịch Ủy ban nhân dân tỉnh",
        "Chủ tịch Ủy ban nhân dân cấp xã",
    } <= names


# ───────────────────────────── rank ─────────────────────────────


def test_rank_key_sorts_highest_first():
    expected = [
        find_award("Huân chương Lao động hạng Ba"),
        find_award("Bằng khen", nguoi_tang="Thủ tướng Chính phủ"),
        find_award("Bằng khen", nguoi_tang="Chủ tịch UBND tỉnh"),
        find_award("Chiến sĩ thi đua cơ sở"),
        find_award("Giấy khen", nguoi_tang="Giám đốc"),
    ]
    shuffled = expected[:]
    random.Random(4).shuffle(shuffled)
    assert shuffled != expected
    assert sorted(shuffled, key=lambda m: m.rank_key) == expected
    assert sorted(reversed(expected), key=rank_key) == expected


def test_rank_within_levels():
    def ids(*texts):
        matches = [find_award(t, n) for t, n in texts]
        return [m.award.id for m in sorted(matches, key=rank_key)]

    assert ids(
        ("Kỷ niệm chương", "Bộ trưởng"),
        ("Tập thể lao động xuất sắc", None),
        ("Chiến sĩ thi đua cấp tỉnh", None),
        ("Bằng khen", "UBND tỉnh"),
        ("Cờ thi đua", "UBND tỉnh"),
    ) == [
        "co-thi-dua",
        "bang-khen",
        "chien-si-thi-dua-cap-tinh",
        "tap-the-lao-dong-xuat-sac",
        "ky-niem-chuong",
    ]
    assert ids(
        ("Giấy khen", "Thủ trưởng cơ quan"),
        ("Lao động tiên tiến", None),
        ("Tập thể lao động tiên tiến", None),
        ("Chiến sĩ thi đua cơ sở", None),
    ) == ["chien-si-thi-dua-co-so", "tap-the-lao-dong-tien-tien", "lao-dong-tien-tien", "giay-khen"]
    assert ids(
        ("Bằng khen", "Thủ tướng Chính phủ"),
        ("Chiến sĩ thi đua toàn quốc", None),
        ("Cờ thi đua của Chính phủ", None),
    ) == ["co-thi-dua-cua-chinh-phu", "chien-si-thi-dua-toan-quoc", "bang-khen"]
    # a conferrer-dependent form without conferrer or level sorts last
    assert ids(("Bằng khen", None), ("Giấy khen", "Giám đốc")) == ["giay-khen", "bang-khen"]


# ───────────────────────────── verbs ─────────────────────────────


def test_dong_tu():
    assert dong_tu(find_award("Lao động tiên tiến")) == "công nhận danh hiệu"
    assert dong_tu(find_award("Bằng khen", "Thủ tướng Chính phủ")) == "tặng"
    assert dong_tu(find_award("Huân chương Lao động hạng Ba")) == "tặng"
    assert dong_tu(find_award("Cờ thi đua của Chính phủ")) == "tặng"
    assert dong_tu(award_by_id("chien-si-thi-dua-co-so")) == "công nhận danh hiệu"


# ───────────────────────────── errors ─────────────────────────────


def test_unknown_award_raises_with_suggestions():
    path = "noi_dung.khen_thuong[2].ten"
    with pytest.raises(InputError) as info:
        find_award("Chiến sĩ thi đua cấp xã", path=path)
    [p] = info.value.problems
    assert p.code == "award.unknown"
    assert p.path == path
    suggestions = p.extra["suggestions"]
    assert 1 <= len(suggestions) <= 3
    assert suggestions[0] == "Chiến sĩ thi đua cơ sở"
    assert "“Chiến sĩ thi đua cấp xã”" in p.message
    assert "Có phải: “Chiến sĩ thi đua cơ sở”" in p.message
    assert p.message_en


@pytest.mark.parametrize("text", ["Giấy khen xuất sắc", "Lao động tiên tiến xuất sắc", "xyz"])
def test_unknown_award_is_not_swallowed(text):
    with pytest.raises(InputError) as info:
        find_award(text)
    assert info.value.problems[0].code == "award.unknown"
    assert info.value.problems[0].path == "ten"


def test_unknown_suggests_the_form_it_starts_with():
    with pytest.raises(InputError) as info:
        find_award("Giấy khen xuất sắc")
    assert info.value.problems[0].extra["suggestions"][0] == "Giấy khen"


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_award(text):
    with pytest.raises(InputError) as info:
        find_award(text, path="x")
    assert info.value.problems[0].code == "award.empty"
    assert info.value.problems[0].path == "x"


def test_empty_conferrer():
    with pytest.raises(InputError) as info:
        find_conferrer(" ")
    assert info.value.problems[0].code == "conferrer.empty"
    # an empty nguoi_tang argument is the same as none
    assert find_award("Bằng khen", nguoi_tang="").nguoi_tang is None
