"""Tests for vanban.vi.numbers: grouping, counts, Roman numerals, item letters."""

from decimal import Decimal

import pytest

from vanban.vi import chu_cai_muc, so, so_dem, so_thu_tu_la_ma


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (4957, "4.957"),
        (1859, "1.859"),
        (0.5, "0,5"),
        (1234567, "1.234.567"),
        (-12, "-12"),
        (0, "0"),
        (999, "999"),
        (Decimal("1.23456"), "1,23456"),
        (Decimal("1.50"), "1,5"),
        (0.1 + 0.2, "0,3"),
        (2.0, "2"),
        (10**12, "1.000.000.000.000"),
    ],
)
def test_so(value: int | float | Decimal, expected: str) -> None:
    assert so(value) == expected


def test_so_fixed_decimals_round_half_up() -> None:
    assert so(2.5, 2) == "2,50"
    assert so(1234.5, 2) == "1.234,50"
    assert so(Decimal("2.5"), 0) == "3"
    assert so(Decimal("3.5"), 0) == "4"
    assert so(Decimal("2.675"), 2) == "2,68"
    assert so(Decimal("-0.001"), 2) == "0,00"


def test_so_rejects_non_numbers() -> None:
    with pytest.raises(TypeError):
        so(True)
    with pytest.raises(TypeError):
        so("12")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        so(float("nan"))
    with pytest.raises(ValueError):
        so(1, -1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0"), (1, "01"), (3, "03"), (8, "08"), (9, "09"), (10, "10"), (12, "12"), (4957, "4.957")],
)
def test_so_dem(value: int, expected: str) -> None:
    assert so_dem(value) == expected


def test_so_dem_rejects_negative() -> None:
    with pytest.raises(ValueError):
        so_dem(-1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, "I"),
        (2, "II"),
        (4, "IV"),
        (5, "V"),
        (9, "IX"),
        (14, "XIV"),
        (39, "XXXIX"),
        (40, "XL"),
        (1994, "MCMXCIV"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_so_thu_tu_la_ma(value: int, expected: str) -> None:
    assert so_thu_tu_la_ma(value) == expected


@pytest.mark.parametrize("value", [0, -1, 4000])
def test_so_thu_tu_la_ma_range(value: int) -> None:
    with pytest.raises(ValueError):
        so_thu_tu_la_ma(value)


def test_chu_cai_muc_order() -> None:
    letters = [chu_cai_muc(i) for i in range(1, 24)]
    assert "".join(letters) == "abcdđeghiklmnopqrstuvxy"
    assert chu_cai_muc(5) == "đ"
    assert chu_cai_muc(6) == "e"
    assert chu_cai_muc(23) == "y"
    for missing in "fjwz":
        assert missing not in letters


@pytest.mark.parametrize("value", [0, 24])
def test_chu_cai_muc_range(value: int) -> None:
    with pytest.raises(ValueError):
        chu_cai_muc(value)
