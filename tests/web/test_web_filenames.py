"""Download file names: derived from number, ký hiệu and abstract; safe on every OS; RFC 5987
``filename*`` keeps Vietnamese, ``filename`` is an ASCII fallback."""

from __future__ import annotations

import re
import time
from urllib.parse import unquote

import pytest

from vanban.web.filenames import MAX_BYTES, ascii_fallback, content_disposition, document_stem


@pytest.mark.parametrize(("so", "ky_hieu", "trich_yeu", "expected"), [
    (5, "BC-STNMT-VP", "Tổng kết năm 2021\nPhương hướng năm 2022",
     "05-BC-STNMT-VP Tổng kết năm 2021 Phương hướng năm 2022"),
    (None, "BC/ĐUK", "Sơ kết 6 tháng", "BC-ĐUK Sơ kết 6 tháng"),
    (123, "BC-SNV", "A/B: C? *D* <E> |F| \"G\"", "123-BC-SNV A B C D E F G"),
    (None, "", "Chỉ có trích yếu", "Chỉ có trích yếu"),
    (None, "", " \n ", "van-ban"),
])
def test_document_stem(so: int | None, ky_hieu: str, trich_yeu: str, expected: str) -> None:
    assert document_stem(so, ky_hieu, trich_yeu) == expected


def test_long_abstract_is_cut_at_a_word_within_the_byte_budget() -> None:
    stem = document_stem(1, "BC-SNV", "Tổng kết công tác thi đua khen thưởng " * 40)
    assert len(stem.encode("utf-8")) <= MAX_BYTES
    assert stem.startswith("01-BC-SNV Tổng kết")
    assert stem.endswith(("Tổng", "kết", "công", "tác", "thi", "đua", "khen", "thưởng"))


def test_huge_abstract_without_spaces_is_fast() -> None:
    started = time.perf_counter()
    stem = document_stem(1, "BC", "ầ" * 2_000_000)
    assert time.perf_counter() - started < 0.5
    assert len(stem.encode("utf-8")) <= MAX_BYTES


def test_ascii_fallback() -> None:
    assert ascii_fallback("Đảng ủy khối – đợt 1.docx") == "Dang uy khoi - dot 1.docx"
    assert ascii_fallback('a"b\\c%d') == "a_b_c_d"
    assert ascii_fallback("“Báo cáo” 日本") == "'Bao cao'"
    assert ascii_fallback("日本") == "van-ban"


def test_content_disposition_round_trips() -> None:
    name = "05-BC-SNV Tổng kết; đợt 1, năm 2024.docx"
    header = content_disposition(name)
    assert header.startswith('attachment; filename="05-BC-SNV Tong ket; dot 1, nam 2024.docx"')
    star = re.search(r"filename\*=UTF-8''(\S+)$", header).group(1)
    assert re.fullmatch(r"[A-Za-z0-9%._~-]+", star)  # attr-chars and pct-encoded only
    assert unquote(star) == name
    assert content_disposition("plain.docx") == 'attachment; filename="plain.docx"'


@pytest.mark.parametrize("name", [
    "bao-cao\u202excod.docx",            # right-to-left override: shows "…docx.exe"-like
    "a\u2066b\u2069c\u200f.docx",        # isolates and marks
    "..\uff0f..\uff0fetc\uff0fpasswd.docx",  # fullwidth solidus → "/" under NFKD
    "a\u2215b\u2044c\u29f8d\uff3ce.docx",    # division, fraction, big slashes, fullwidth \
    "x\u200by\ufeffz.docx",              # zero-width space, BOM
])
def test_spoofed_file_names_are_cleaned_in_both_forms(name: str) -> None:
    """Issue 19: no bidi control nor look-alike slash survives in ``filename`` or
    ``filename*``, and neither form holds a path separator."""
    header = content_disposition(name)
    fallback = re.search(r'filename="([^"]*)"', header).group(1)
    star = re.search(r"filename\*=UTF-8''(\S+)", header)
    full = unquote(star.group(1)) if star else fallback
    for shown in (fallback, full):
        assert "/" not in shown and "\\" not in shown, header
        assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069
                       or c in "\u200e\u200f\u200b\ufeff\u2215\u2044\u29f8\uff0f\uff3c"
                       for c in shown), repr(shown)
        assert shown.endswith(".docx")


def test_document_stem_drops_bidi_controls() -> None:
    assert document_stem(1, "BC\u202e", "Tổng kết\u2215năm") == "01-BC Tổng kết-năm"
