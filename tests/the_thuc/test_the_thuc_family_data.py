"""Families are data: one row of ``vanban.the_thuc.families.FAMILIES`` decides everything a family
changes, and nothing else names a family. Proof: the Đoàn TNCS Hồ Chí Minh family
(``doan-thanh-nien``, Hướng dẫn 29-HD/TWĐTN-VP) added as one row and its content block — rendered,
auto-detected and checked clean for every template that offers it."""

from __future__ import annotations

import io
import re
import typing
from pathlib import Path

import pytest
from docx import Document

import vanban
from vanban.check.engine import check_docx
from vanban.model.envelope import Envelope
from vanban.templates import REGISTRY
from vanban.the_thuc import blocks
from vanban.the_thuc.families import DOAN_HIEU, FAMILIES, FAMILY_IDS, get_family

ROOT = Path(__file__).resolve().parents[2]
DOAN = "doan-thanh-nien"
#: The code that may name a family: the family table itself.
FAMILY_DATA = ROOT / "service" / "vanban" / "the_thuc" / "families.py"


def _code_files() -> list[Path]:
    roots = [ROOT / "service" / "vanban", ROOT / "templates_docx", ROOT / "tools"]
    return sorted(p for r in roots for p in r.rglob("*.py") if p != FAMILY_DATA)


def test_no_family_id_literal_outside_the_family_data():
    """``"dang"`` in a branch, a ``Literal``, a ``choices`` list or an enum is a family spread
    over the code base; each of them reads the family table instead."""
    literal = re.compile("[\"'](" + "|".join(map(re.escape, FAMILY_IDS)) + ")[\"']")
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
             for path in _code_files()
             for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if literal.search(line)]
    assert found == []


def test_everything_generated_lists_every_family(tmp_path):
    assert typing.get_args(Envelope.model_fields["the_thuc"].annotation) == FAMILY_IDS
    from vanban.web import create_app

    client = create_app({"TESTING": True, "WARM_TEMPLATES": False}).test_client()
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["paths"]["/api/v1/check-format"]["post"]["parameters"][0]["schema"]["enum"] \
        == list(FAMILY_IDS)
    from vanban.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    choices = next(a for a in sub.choices["check-format"]._actions if a.dest == "the_thuc")
    assert tuple(choices.choices) == FAMILY_IDS


def test_doan_number_line_and_ky_hieu():
    doan = get_family(DOAN)
    assert blocks.ky_hieu(doan, "HD", "TWĐTN", "VP") == "HD/TWĐTN-VP"
    assert blocks.so_ky_hieu(doan, 29, "HD/TWĐTN-VP") == "Số: 29-HD/TWĐTN-VP"
    assert blocks.noi_nhan_lines(doan, ["Như trên", "Lưu: VP"])[-1] == "- Lưu VP."
    assert doan.viet_tat("") == "CV" and doan.tieu_de == DOAN_HIEU


def _offering() -> list[str]:
    return [t["id"] for t in vanban.list_templates() if DOAN in t["families"]]


def test_doan_is_offered_where_it_makes_sense():
    assert {"bao-cao-thi-dua", "ke-hoach-thi-dua", "cong-van", "to-trinh-khen-thuong",
            "bien-ban-hop-xet"} <= set(_offering())


@pytest.mark.parametrize("template", _offering())
def test_doan_renders_is_detected_and_checks_clean(template):
    data = vanban.example(template)
    data["the_thuc"] = DOAN
    data["nguoi_ky"].pop("ky_thay", None)  # no K/T line under T/M (the family's row)
    docx = vanban.render(template, data)
    report = check_docx(docx)  # no family given: detected
    assert report.family == DOAN and report.detected
    assert report.findings == [], [f.message for f in report.findings]
    header = Document(io.BytesIO(docx)).tables[0]
    left, right = (cell.text for cell in header.rows[0].cells)
    assert right.splitlines()[0] == DOAN_HIEU
    assert "***" in left.splitlines()
    if REGISTRY.get(template).co_so:  # an attachment (bảng chấm điểm) has no số line
        assert re.search(r"^Số: [\d\s]*-[^/\s]+/\S+", left, re.M)


def test_family_rows_are_complete():
    for f in FAMILIES.values():
        assert f.nhan and f.can_cu and f.tieu_de
        assert (ROOT / "content_blocks" / f"{f.id}.docx").is_file()
