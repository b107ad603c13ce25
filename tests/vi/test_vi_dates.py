"""Tests for vanban.vi.dates: parsing partial ISO dates and the decree's date forms."""

from datetime import date

import pytest

from vanban.errors import InputError
from vanban.vi import KHOANG_TRONG, NgayThang, dong_ngay, ngay_ngan

NBSP6 = "\u00a0" * 6


def test_parse_forms() -> None:
    assert NgayThang.parse("2022-01-05", "p") == NgayThang(2022, 1, 5)
    assert NgayThang.parse("2022-06", "p") == NgayThang(2022, 6)
    assert NgayThang.parse("2022", "p") == NgayThang(2022)
    assert NgayThang.parse(" 2024-02-29 ", "p") == NgayThang(2024, 2, 29)
    assert str(NgayThang(2022, 6)) == "2022-06"


@pytest.mark.parametrize(
    "value",
    [
        "2022-13-40",
        "2023-02-29",
        "2022-04-31",
        "2022-00",
        "2022-01-00",
        "0000",
        "2022/01/05",
        "05/01/2022",
        "2022-1-5",
        "22",
        "",
        "2022-01-05T00:00",
        "２０２２",
    ],
)
def test_parse_rejects(value: str) -> None:
    with pytest.raises(InputError) as info:
        NgayThang.parse(value, "noi_dung.ngay_ban_hanh")
    [p] = info.value.problems
    assert p.code == "date.invalid"
    assert p.path == "noi_dung.ngay_ban_hanh"
    assert "YYYY-MM-DD" in p.message
    assert "YYYY-MM" in p.message


def test_parse_explains_the_reason() -> None:
    with pytest.raises(InputError) as info:
        NgayThang.parse("2023-02-29", "d")
    assert "28 ngày" in info.value.problems[0].message
    with pytest.raises(InputError) as info:
        NgayThang.parse("2022-13-40", "d")
    assert "tháng 13" in info.value.problems[0].message


def test_parse_rejects_non_string() -> None:
    with pytest.raises(InputError) as info:
        NgayThang.parse(2022, "d")  # type: ignore[arg-type]
    assert info.value.problems[0].code == "date.invalid"


def test_constructor_validates() -> None:
    with pytest.raises(ValueError):
        NgayThang(2023, 2, 29)
    with pytest.raises(ValueError):
        NgayThang(2022, None, 5)
    with pytest.raises(ValueError):
        NgayThang(2022, 13)


def test_to_date() -> None:
    assert NgayThang(2022, 1, 5).to_date() == date(2022, 1, 5)
    assert NgayThang(2022, 1).to_date() is None
    assert NgayThang(2022).to_date() is None


@pytest.mark.parametrize(
    ("ngay", "expected"),
    [
        (NgayThang(2022, 1, 5), "ngày 05 tháng 01 năm 2022"),
        (NgayThang(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (NgayThang(2022, 2, 18), "ngày 18 tháng 02 năm 2022"),
        (NgayThang(2022, 3, 15), "ngày 15 tháng 3 năm 2022"),
        (NgayThang(2021, 12, 1), "ngày 01 tháng 12 năm 2021"),
        (NgayThang(2021, 10, 10), "ngày 10 tháng 10 năm 2021"),
    ],
)
def test_dong_ngay(ngay: NgayThang, expected: str) -> None:
    assert dong_ngay(ngay) == expected


def test_dong_ngay_blanks() -> None:
    assert KHOANG_TRONG == NBSP6
    assert dong_ngay(NgayThang(2022, 6)) == f"ngày{NBSP6}tháng 6 năm 2022"
    assert dong_ngay(NgayThang(2022, 1)) == f"ngày{NBSP6}tháng 01 năm 2022"
    assert dong_ngay(NgayThang(2022)) == f"ngày{NBSP6}tháng{NBSP6}năm 2022"


def test_ngay_ngan() -> None:
    assert ngay_ngan(date(2022, 1, 5)) == "05/01/2022"
    assert ngay_ngan(date(2022, 3, 15)) == "15/3/2022"
    assert ngay_ngan(date(2022, 2, 18)) == "18/02/2022"
    assert ngay_ngan(date(2022, 11, 30)) == "30/11/2022"
    assert ngay_ngan(NgayThang(2022, 3, 10)) == "10/3/2022"
    with pytest.raises(ValueError):
        ngay_ngan(NgayThang(2022, 3))
