"""Every document is filed: without a ``Lưu …`` line in the data, ``Lưu: VT`` is added, so
vanban's own output passes its layout checker (found by the property-based tests)."""

from __future__ import annotations

import copy

import pytest

import vanban
from conftest import TEMPLATE, document_text, fixture_data
from vanban.check import check_docx
from vanban.check.docx_facts import load
from vanban.the_thuc.blocks import with_filing_line


def test_with_filing_line() -> None:
    assert with_filing_line([]) == ["Lưu: VT"]
    assert with_filing_line(["Sở Nội vụ"], "TĐKT") == ["Sở Nội vụ", "Lưu: VT, TĐKT"]
    assert with_filing_line(["Sở Nội vụ", "Lưu: VT, VP"]) == ["Sở Nội vụ", "Lưu: VT, VP"]
    assert with_filing_line(["Lưu Văn phòng ĐUK"]) == ["Lưu Văn phòng ĐUK"]
    # "Lưu trữ tỉnh" is a recipient (the archives), not the filing line.
    assert with_filing_line(["Lưu trữ tỉnh"]) == ["Lưu trữ tỉnh", "Lưu: VT"]


@pytest.mark.parametrize("name", ["nha-nuoc-mau-01-tong-ket-2021",
                                  "dang-yen-bai-so-ket-6-thang-2022"])
@pytest.mark.parametrize("noi_nhan", [[], ["Sở Nội vụ"]])
def test_document_without_filing_line_passes_the_checker(name: str, noi_nhan: list[str]) -> None:
    data = copy.deepcopy(fixture_data(name))
    data["noi_nhan"] = noi_nhan
    docx = vanban.render(TEMPLATE, data)
    assert check_docx(docx).errors == []
    text = document_text(load(docx))
    assert ("Lưu VT" if data["the_thuc"] == "dang" else "Lưu: VT") in text
    for item in noi_nhan:
        assert item in text
