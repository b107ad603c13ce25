"""The layout checker on documents with a landscape section for a wide table (bang-cham-diem,
bao-cao-khoi-thi-dua): accepted as rendered; a wrong paper size in that section, or a landscape
first page, is still found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vanban
from conftest import edit_document
from vanban.check.docx_facts import load
from vanban.check.engine import check_docx

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CASES = [("bang-cham-diem", "nha-nuoc-lao-cai-so-tu-phap-2021"),
         ("bao-cao-khoi-thi-dua", "nha-nuoc-lao-cai-khoi-tong-hop-2021"),
         ("xep-hang-khoi-thi-dua", "nha-nuoc-lao-cai-khoi-tong-hop-2021")]


def _render(template: str, name: str) -> bytes:
    data = json.loads((ROOT / "templates_docx" / template / "fixtures"
            / f"{name}.json").read_text("utf-8"))
    return vanban.render(template, data)


def _edit_sections(docx: bytes, edit) -> bytes:
    return edit_document(docx, lambda root: edit(list(root.iter(f"{W}sectPr"))))


#: A document that is a table is landscape throughout (NĐ 30/2020, Phụ lục I; issue 17: no
#: portrait page with the header alone); a report puts its wide table in a landscape annex.
ORIENTATIONS = {"bang-cham-diem": ["landscape"],
                "bao-cao-khoi-thi-dua": ["portrait", "landscape"],
                "xep-hang-khoi-thi-dua": ["portrait", "landscape"]}


@pytest.mark.parametrize(("template", "name"), CASES)
def test_landscape_section_is_accepted(template, name):
    docx = _render(template, name)
    assert [s.orientation for s in load(docx).sections] == ORIENTATIONS[template]
    report = check_docx(docx, the_thuc="nha-nuoc")
    assert [f.rule_id for f in report.findings] == []  # no error and no warning


def test_wrong_paper_in_the_landscape_section_is_found():
    def a3(sections):
        size = sections[1].find(f"{W}pgSz")
        size.set(f"{W}w", str(round(420 * 1440 / 25.4)))
        size.set(f"{W}h", str(round(297 * 1440 / 25.4)))

    report = check_docx(_edit_sections(_render(*CASES[1]), a3), the_thuc="nha-nuoc")
    errors = [f for f in report.errors if f.rule_id == "page.size"]
    assert errors and "(phần 2)" in errors[0].message


def test_landscape_first_page_is_an_error():
    def turn_first(sections):
        size = sections[0].find(f"{W}pgSz")
        w, h = size.get(f"{W}w"), size.get(f"{W}h")
        size.set(f"{W}w", h)
        size.set(f"{W}h", w)
        size.set(f"{W}orient", "landscape")

    # a report (not a table) must start portrait
    report = check_docx(_edit_sections(_render(*CASES[1]), turn_first), the_thuc="nha-nuoc")
    assert any("chiều dài" in f.message for f in report.errors if f.rule_id == "page.size")
