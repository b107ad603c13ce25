"""Tests for vanban.vi.words: reading numbers and amounts, num2words' flaws wrapped."""

import unicodedata
from decimal import Decimal

import pytest
from num2words import num2words

from vanban.vi import doc_so, so_tien_bang_chu


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "không"),
        (1, "một"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (54, "năm mươi tư"),
        (101, "một trăm lẻ một"),
        (104, "một trăm lẻ bốn"),
        (105, "một trăm lẻ năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (124, "một trăm hai mươi tư"),
        (1000, "một nghìn"),
        (1005, "một nghìn không trăm lẻ năm"),
        (1010, "một nghìn không trăm mười"),
        (1050, "một nghìn không trăm năm mươi"),
        (1500, "một nghìn năm trăm"),
        (4957, "bốn nghìn chín trăm năm mươi bảy"),
        (1_001_000, "một triệu không trăm lẻ một nghìn"),
        (1_000_005, "một triệu không trăm lẻ năm"),
        (1_200_000, "một triệu hai trăm nghìn"),
        (1_000_000_000, "một tỷ"),
        (1_000_000_005, "một tỷ không trăm lẻ năm"),
        (2_500_000_000, "hai tỷ năm trăm triệu"),
        (10**12, "một nghìn tỷ"),
        (10**15, "một triệu tỷ"),
        (10**18, "một tỷ tỷ"),
    ],
)
def test_doc_so_integers(value: int, expected: str) -> None:
    assert doc_so(value) == expected


def test_large_numbers_exact() -> None:
    # num2words goes through float here and loses the last digits
    assert doc_so(12_345_678_901_234_567) == (
        "mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám tỷ "
        "chín trăm lẻ một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy"
    )
    assert doc_so(10**17 + 1) == "một trăm triệu tỷ không trăm lẻ một"


def test_negatives() -> None:
    assert num2words(-5, lang="vi") == "mười lăm"  # the flaw being wrapped
    assert doc_so(-5) == "âm năm"
    assert doc_so(-125) == "âm một trăm hai mươi lăm"
    assert doc_so("-0,5") == "âm không phẩy năm"
    assert doc_so(Decimal("-0")) == "không"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("0.5"), "không phẩy năm"),
        ("0,5", "không phẩy năm"),
        (0.5, "không phẩy năm"),
        ("1,25", "một phẩy hai mươi lăm"),
        ("1.25", "một phẩy hai mươi lăm"),
        ("1,05", "một phẩy không năm"),
        (Decimal("1.50"), "một phẩy năm"),
        (Decimal("12.004"), "mười hai phẩy không không bốn"),
        (0.125, "không phẩy một trăm hai mươi lăm"),
        (Decimal("1E+3"), "một nghìn"),
        ("4957", "bốn nghìn chín trăm năm mươi bảy"),
    ],
)
def test_doc_so_decimals(value: Decimal | str | float, expected: str) -> None:
    assert doc_so(value) == expected


def test_num2words_decimal_flaws_are_wrapped() -> None:
    assert num2words(0.5, lang="vi") == "không phẩy năm mươi"
    assert num2words(1.05, lang="vi") == "một phẩy năm"
    assert doc_so(Decimal("1.05")) != doc_so(Decimal("1.5"))


@pytest.mark.parametrize("value", ["1.234.567", "1e3", "abc", "", "nan", "1,2,3"])
def test_doc_so_rejects_bad_strings(value: str) -> None:
    with pytest.raises(ValueError):
        doc_so(value)


def test_doc_so_rejects_other_types() -> None:
    with pytest.raises(TypeError):
        doc_so(True)
    with pytest.raises(TypeError):
        doc_so(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        doc_so(Decimal("Infinity"))


def test_output_is_nfc() -> None:
    for n in (24, 105, 1_000_005, 12_345_678):
        assert unicodedata.is_normalized("NFC", doc_so(n))


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1_200_000, "Một triệu hai trăm nghìn đồng"),
        (Decimal("1200000.00"), "Một triệu hai trăm nghìn đồng"),
        (0, "Không đồng"),
        (500_000, "Năm trăm nghìn đồng"),
        (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
        (24_000_000, "Hai mươi tư triệu đồng"),
        (15_000_000_000, "Mười lăm tỷ đồng"),
    ],
)
def test_so_tien_bang_chu(amount: int | Decimal, expected: str) -> None:
    assert so_tien_bang_chu(amount) == expected


def test_so_tien_bang_chu_rejects() -> None:
    with pytest.raises(ValueError):
        so_tien_bang_chu(Decimal("1200.5"))
    with pytest.raises(ValueError):
        so_tien_bang_chu(-1)
    with pytest.raises(TypeError):
        so_tien_bang_chu(1200.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        so_tien_bang_chu("1200")  # type: ignore[arg-type]
