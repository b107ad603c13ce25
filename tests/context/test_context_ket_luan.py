"""The closing sentence reads right when the abstract was typed on several lines."""

from __future__ import annotations

import pytest

import vanban
from conftest import TEMPLATE, fixture_data
from vanban.check.docx_facts import load
from vanban.vi.text import join_lines

ENDING = "Trên đây là báo cáo "


@pytest.mark.parametrize(("abstract", "joined"), [
    ("Tổng kết phong trào thi đua năm 2021\nPhương hướng nhiệm vụ năm 2022",
     "Tổng kết phong trào thi đua năm 2021; phương hướng nhiệm vụ năm 2022"),
    ("Sơ kết 6 tháng đầu năm;\nPhát động nhiệm vụ 6 tháng cuối năm",
     "Sơ kết 6 tháng đầu năm; phát động nhiệm vụ 6 tháng cuối năm"),
    ("Kết quả phong trào năm 2022\nvà phương hướng năm 2023",
     "Kết quả phong trào năm 2022 và phương hướng năm 2023"),
    ("Kết quả thi đua,\nkhen thưởng", "Kết quả thi đua, khen thưởng"),
    ("Tổng kết năm 2021\r\n\r\n  UBND tỉnh phát động ", "Tổng kết năm 2021; UBND tỉnh phát động"),
    ("Một dòng", "Một dòng"),
])
def test_join_lines(abstract: str, joined: str) -> None:
    assert join_lines(abstract) == joined


def test_closing_sentence_of_a_two_line_abstract() -> None:
    data = fixture_data("nha-nuoc-mau-01-tong-ket-2021")
    assert "\n" in data["trich_yeu"]
    doc = load(vanban.render(TEMPLATE, data))
    (closing,) = [p.text for p in doc.paragraphs if p.text.startswith(ENDING)]
    assert "năm 2021; phương hướng nhiệm vụ năm 2022 của" in closing
    assert "2021 Phương" not in closing
