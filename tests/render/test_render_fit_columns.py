"""Tables laid out in Word (header row as Word text, ``{%tr for %}`` rows) marked
``vanban:fit``: after rendering, their columns are widened to the longest word each holds,
as vanban's own tables (``vanban.context.tables.table``) — the xếp hạng khối's ranking table
keeps the widths it had when the code drew it, for every fixture."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from vanban_templates.xep_hang_khoi_thi_dua.context import ranking_table

import vanban
from vanban.model.xep_hang_khoi_thi_dua import XepHangKhoiThiDua
from vanban.scoring.bloc import tinh_xep_hang
from vanban.templates import builtin_templates_dir

TEMPLATE = "xep-hang-khoi-thi-dua"


def cases() -> list[dict]:
    folder = builtin_templates_dir() / TEMPLATE / "fixtures"
    return [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))]


def grids(xml: str) -> list[list[int]]:
    return [[int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', g)]
            for g in re.findall(r"<w:tblGrid>(.*?)</w:tblGrid>", xml)]


def rendered_grids(data: dict) -> list[list[int]]:
    docx = zipfile.ZipFile(io.BytesIO(vanban.render(TEMPLATE, data)))
    return grids(docx.read("word/document.xml").decode("utf-8"))


@pytest.mark.parametrize("data", cases(), ids=lambda d: d["co_quan"]["ten"][:30])
def test_the_ranking_table_has_the_widths_the_code_computes(data: dict):
    body = XepHangKhoiThiDua.model_validate(data["noi_dung"])
    [drawn] = grids(str(ranking_table(tinh_xep_hang(body))))
    assert drawn in rendered_grids(data)


def test_a_long_word_widens_its_column():
    data = cases()[0]
    before = [g for g in rendered_grids(data) if len(g) == 7][0]
    data["noi_dung"]["don_vi"][0]["ghi_chu"] = "Xem-ghi-chú-rất-dài-không-ngắt-được-ở-đâu-cả"
    after = [g for g in rendered_grids(data) if len(g) == 7][0]
    assert after[-1] > before[-1] and sum(after) == sum(before)


def _scoring_cases() -> list[dict]:
    folder = builtin_templates_dir() / "bang-cham-diem" / "fixtures"
    return [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))]


@pytest.mark.parametrize("data", _scoring_cases(), ids=lambda d: d["co_quan"]["ten"][:30])
def test_the_scoring_table_takes_its_widths_from_the_context(data: dict):
    """``vanban:fit cot``: bang-cham-diem's Word table takes the widths its context computes
    (landscape ones for a wide table, with whole level lines) — those the code drew it with."""
    from vanban_templates.bang_cham_diem.context import _wide, scoring_table

    from vanban.model.bang_cham_diem import BangChamDiem
    from vanban.scoring.compute import cham_diem

    body = BangChamDiem.model_validate(data["noi_dung"])
    [drawn] = grids(str(scoring_table(body, cham_diem(body), _wide(body))))
    docx = zipfile.ZipFile(io.BytesIO(vanban.render("bang-cham-diem", data)))
    xml = docx.read("word/document.xml").decode("utf-8")
    assert drawn in grids(xml)
    assert f'<w:tblW w:w="{sum(drawn)}" w:type="dxa"/>' in xml


@pytest.mark.parametrize("given", [None, [1000, 2000], [1000] * 6 + [0],
                                   ["1000"] * 7, [True] * 7])
def test_widths_named_in_the_alt_text_are_used_only_when_they_fit_the_table(given):
    """A value of another length, a zero, a string or a boolean leaves the Word widths."""
    from vanban.render.fit_columns import fit_columns

    data = cases()[0]
    docx = zipfile.ZipFile(io.BytesIO(vanban.render(TEMPLATE, data)))
    xml = docx.read("word/document.xml").decode("utf-8")
    [word] = [g for g in grids(xml) if len(g) == 7]
    marked = xml.replace('w:val="vanban:fit"', 'w:val="vanban:fit cot"')
    assert [g for g in grids(fit_columns(marked, {"cot": given})) if len(g) == 7] == [word]
    wider = [w + 100 for w in word]
    [fitted] = [g for g in grids(fit_columns(marked, {"cot": wider})) if len(g) == 7]
    assert fitted == wider  # a list that fits is taken (every word fits it already)
