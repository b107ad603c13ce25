"""Every template × fixture × family: validation, render, OOXML schemas, layout checker with
0 errors, every input string present, PDF through LibreOffice. Adding a template (a folder and
its fixtures) adds its cases here by itself."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from battery import Case, cases, missing_strings

import vanban
from vanban.check.cli import format_finding
from vanban.check.engine import check_docx
from vanban.ooxml import validate_docx
from vanban.pdf import LibreOfficeConverter
from vanban.templates import REGISTRY

CASES = [c for spec in REGISTRY.specs.values() for c in cases(spec)]
_rendered: dict[str, bytes] = {}


def render(case: Case) -> bytes:
    if case.id not in _rendered:
        _rendered[case.id] = vanban.render(case.template, case.data)
    return _rendered[case.id]


def test_every_template_loads_without_problems():
    assert REGISTRY.problems == []
    assert REGISTRY.warm() == sum(len(s.families) for s in REGISTRY.specs.values())


def test_every_template_has_cases_in_every_family():
    for spec in REGISTRY.specs.values():
        families = {c.family for c in cases(spec)}
        assert families == set(spec.families), spec.id


def test_every_declared_family_has_a_fixture():
    """The examples moved to a family are no written document of it: each family a manifest
    declares has at least one fixture of its own (issue 17, deliver 4)."""
    missing = [f"{spec.id}@{family}" for spec in REGISTRY.specs.values()
               for family in spec.families
               if not any(c.family == family for c in cases(spec) if c.source != "example")]
    assert missing == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_validates_and_renders_valid_ooxml(case: Case):
    vanban.validate(case.template, case.data)
    assert validate_docx(render(case)) == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_layout_checker_finds_no_error(case: Case):
    report = check_docx(render(case), the_thuc=case.family)
    assert not report.errors, "\n".join(format_finding(f) for f in report.errors)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_input_string_appears(case: Case):
    spec = REGISTRY.get(case.template)
    assert missing_strings(spec, case.data, render(case)) == []


@pytest.mark.skipif(not LibreOfficeConverter().available() or not shutil.which("pdftotext"),
                    reason="LibreOffice and poppler-utils are installed by .ci/run")
@pytest.mark.parametrize("case", [c for c in CASES if c.source != "example"] or CASES,
                         ids=lambda c: c.id)
def test_converts_to_pdf_with_header_and_signer(case: Case, tmp_path):
    from vanban.pdf import converter

    pdf = converter().convert(render(case))
    assert pdf.startswith(b"%PDF-")
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    flat = " ".join(text.split())
    assert case.data["co_quan"]["ten"].upper().split()[0] in flat
    assert " ".join(case.data["nguoi_ky"]["chuc_vu"].upper().split()) in flat
