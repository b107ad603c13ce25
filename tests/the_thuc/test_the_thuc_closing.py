"""The clerk's closing sentence (``ket_luan``) ends with the family's mark — ``./.`` for the
State, the trade union and the Đoàn, a full stop for the Party — as the sample layouts end.
Before: it was printed as typed, so the Đoàn's báo cáo ended "… doanh nghiệp tỉnh." and the
layout checker reported ``body.ending`` on vanban's own output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vanban
from vanban.check import check_docx
from vanban.the_thuc.blocks import closing_sentence
from vanban.the_thuc.families import FAMILIES

ROOT = Path(__file__).resolve().parents[2] / "templates_docx"
#: Every fixture whose data carries a closing sentence of its own.
CLOSINGS = sorted(p for p in ROOT.glob("*/fixtures/*.json")
                  if isinstance(json.loads(p.read_text("utf-8")).get("noi_dung", {}).get(
                      "ket_luan"), str))


def test_the_mark_is_added_once() -> None:
    nha_nuoc = FAMILIES["nha-nuoc"]
    assert closing_sentence(nha_nuoc, "Đề nghị các đơn vị thực hiện.") == (
        "Đề nghị các đơn vị thực hiện./.")
    assert closing_sentence(nha_nuoc, "Đề nghị các đơn vị thực hiện") == (
        "Đề nghị các đơn vị thực hiện./.")
    assert closing_sentence(nha_nuoc, "Đề nghị các đơn vị thực hiện./. ") == (
        "Đề nghị các đơn vị thực hiện./.")
    dang = FAMILIES["dang"]
    assert closing_sentence(dang, "Đề nghị các chi bộ thực hiện.") == (
        "Đề nghị các chi bộ thực hiện.")
    assert closing_sentence(dang, "Đề nghị các chi bộ thực hiện") == (
        "Đề nghị các chi bộ thực hiện.")


def test_every_fixture_with_a_closing_of_its_own_is_found() -> None:
    assert len(CLOSINGS) >= 7


@pytest.mark.parametrize("template", ["bao-cao-thi-dua", "bao-cao-khoi-thi-dua", "cong-van",
                                      "dang-ky-thi-dua", "ke-hoach-thi-dua"])
@pytest.mark.parametrize("typed", ["Đề nghị các đơn vị thực hiện.",
                                   "Đề nghị các đơn vị thực hiện./."])
def test_every_template_and_family_ends_a_typed_closing(template: str, typed: str) -> None:
    from vanban.templates import REGISTRY

    spec = REGISTRY.get(template)
    for family in spec.families:
        data = {**spec.example(), "the_thuc": family}
        data["noi_dung"] = {**data["noi_dung"], "ket_luan": typed}
        docx = vanban.render(template, data)
        mark = FAMILIES[family].ket_thuc or "."  # a Party closing typed with "./." is kept
        expected = typed if typed.endswith(mark) else f"Đề nghị các đơn vị thực hiện{mark}"
        assert _text(docx).split("\n")[-1] == expected or expected in _text(docx).split(
            "\n"), (template, family)
        assert "body.ending" not in check_docx(docx).rule_ids(), (template, family)


@pytest.mark.parametrize("path", CLOSINGS, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_the_closing_ends_the_body_as_the_family_prescribes(path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    docx = vanban.render(path.parent.parent.name, data)
    report = check_docx(docx)
    assert "body.ending" not in report.rule_ids(), path.name
    assert data["noi_dung"]["ket_luan"].rstrip().rstrip("./") in _text(docx)


def _text(docx: bytes) -> str:
    import io

    import docx as python_docx

    return "\n".join(p.text for p in python_docx.Document(io.BytesIO(docx)).paragraphs)
