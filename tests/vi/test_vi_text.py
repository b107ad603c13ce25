"""Tests for vanban.vi.text: NFC and XML 1.0 safety."""

import unicodedata

import pytest

from vanban.errors import InputError
from vanban.vi import clean_text, illegal_xml_chars, nfc


def test_nfd_becomes_nfc() -> None:
    composed = "Thi đua khen thưởng Nguyễn Văn Hưng"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert nfc(decomposed) == composed
    assert clean_text(decomposed, "noi_dung.ten") == composed
    assert len(clean_text("ệ", "x")) == 1  # e + U+0302 + U+0323 → U+1EC7
    assert clean_text("e\u0302\u0323", "x") == "\u1ec7"


def test_allowed_whitespace_kept() -> None:
    s = "dòng 1\ndòng 2\r\n\tthụt lề"
    assert illegal_xml_chars(s) == []
    assert clean_text(s, "x") == s


def test_illegal_chars_listed_with_positions() -> None:
    s = "a\x00b\x07c\x0b\x0c\x1f\ud800\ufffe\uffff\x7f\u0085"
    assert illegal_xml_chars(s) == [
        (1, "\x00"),
        (3, "\x07"),
        (5, "\x0b"),
        (6, "\x0c"),
        (7, "\x1f"),
        (8, "\ud800"),
        (9, "\ufffe"),
        (10, "\uffff"),
    ]  # DEL and C1 controls are legal XML 1.0


def test_non_bmp_and_private_use_allowed() -> None:
    assert illegal_xml_chars("😀 \ue000 \ufffd") == []


def test_clean_text_raises_with_code_path_and_position() -> None:
    text = "Báo cáo năm\x07 2022"
    with pytest.raises(InputError) as info:
        clean_text(text, "noi_dung.trich_yeu")
    [p] = info.value.problems
    assert p.code == "text.control-char"
    assert p.path == "noi_dung.trich_yeu"
    assert "U+0007" in p.message
    assert "vị trí 12" in p.message  # counted from 1
    assert "xoá" in p.message
    assert p.extra["positions"] == [11]
    assert p.extra["code_points"] == ["U+0007"]


def test_clean_text_counts_all_illegal_chars() -> None:
    with pytest.raises(InputError) as info:
        clean_text("\x01\x02\x03", "a[0]")
    [p] = info.value.problems
    assert "U+0001" in p.message
    assert "vị trí 1" in p.message
    assert "2 ký tự" in p.message
    assert p.extra["code_points"] == ["U+0001", "U+0002", "U+0003"]


def test_lone_surrogate_rejected() -> None:
    with pytest.raises(InputError) as info:
        clean_text("ab\udc00", "x")
    assert info.value.problems[0].extra["code_points"] == ["U+DC00"]
