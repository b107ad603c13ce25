"""What every fixture, example and hồ sơ document prints, read as a văn thư reads it (issue 17):
award names spelled as Luật Thi đua, khen thưởng 2022 spells them and in quotes in a sentence, no
em dash where the law writes a hyphen, no doubled agency name, nơi nhận's "Như Điều N" naming the
article that charges the executors. The inputs and the wording data are scanned too, so a new
fixture or block that brings the old spelling back fails here."""

from __future__ import annotations

import io
import json
import re
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from docx import Document

import vanban
from vanban.ho_so import chain
from vanban.templates import REGISTRY

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "templates"))
from battery import cases, docx_text, strings  # noqa: E402

VOCAB = tomllib.loads((ROOT / "service" / "vanban" / "vocab" / "khen_thuong.toml")
                      .read_text("utf-8"))
_CSTD = next(a for a in VOCAB["khen_thuong"] if a["id"] == "chien-si-thi-dua-cap-tinh")
#: The law's name of the provincial title, and the spellings it replaces.
LAW_NAME = _CSTD["ten"]
OLD_NAMES = [a for a in _CSTD["aliases"] if a != LAW_NAME]
#: Names of agencies that a careless chain or clerk doubles ("Đảng ủy Đảng ủy Sở Tài chính").
DOUBLED = re.compile(r"\b(Đảng ủy|Ủy ban nhân dân|UBND|Công đoàn|Chi bộ|Ban Chấp hành|Sở)"
                     r"\s+\1\b")
NHU_DIEU = re.compile(r"Như Điều (\d+)")


def _documents() -> list[tuple[str, str, dict]]:
    out = [(c.id, c.template, c.data) for spec in REGISTRY.specs.values() for c in cases(spec)]
    for path in sorted((ROOT / "fixtures" / "ho-so-khen-thuong").glob("*.json")):
        for doc in chain.plan(json.loads(path.read_text("utf-8"))):
            out.append((f"ho-so:{path.stem}:{doc.template}", doc.template, doc.data))
    return out


DOCUMENTS = _documents()
_rendered: dict[str, bytes] = {}


def _render(case_id: str, template: str, data: dict) -> bytes:
    if case_id not in _rendered:
        _rendered[case_id] = vanban.render(template, data)
    return _rendered[case_id]


def _inputs() -> list[Path]:
    return sorted([*ROOT.glob("templates_docx/*/fixtures/*.json"),
                   *ROOT.glob("templates_docx/*/example.json"),
                   *ROOT.glob("fixtures/ho-so-khen-thuong/*.json"),
                   ROOT / "service" / "vanban" / "ho_so" / "vi_du.json"])


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c[0])
def test_award_names_as_the_law_writes_them_in_quotes(case):
    case_id, template, data = case
    docx = _render(case_id, template, data)
    text = " ".join(docx_text(docx).split())
    for old in OLD_NAMES:
        assert old not in text, f"{case_id}: “{old}” printed; the law writes “{LAW_NAME}”"
    for p in Document(io.BytesIO(docx)).paragraphs:  # sentences (table cells are names alone)
        for m in re.finditer(re.escape(LAW_NAME), p.text):
            assert p.text[max(0, m.start() - 1):m.start()] == "“", f"{case_id}: {p.text!r}"


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c[0])
def test_no_em_dash_no_doubled_agency_and_the_right_article(case):
    case_id, template, data = case
    docx = _render(case_id, template, data)
    lines = [" ".join(line.split()) for line in docx_text(docx).split("\n")]
    # an em dash alone in a cell ("no rank") is a sign, not punctuation the law spells "-"
    assert [line for line in lines if "—" in line and line != "—"] == [], case_id
    text = " ".join(lines)
    assert not DOUBLED.search(text), f"{case_id}: {DOUBLED.search(text).group(0)!r}"
    executing = [int(n) for n in re.findall(r"Điều (\d+)\. [^\n]*?(?:thi hành|chịu trách "
                                            r"nhiệm)", "\n".join(lines))]
    for n in NHU_DIEU.findall(text):
        assert executing and int(n) == executing[-1], f"{case_id}: Như Điều {n}, {executing}"


@pytest.mark.parametrize("path", _inputs(), ids=lambda p: str(p.relative_to(ROOT)))
def test_inputs_spell_as_the_law(path):
    """Free text of the inputs (abstracts, sentences): the law's award name in quotes, no em
    dash, no doubled agency. Award fields matched against the vocabulary may keep an alias."""
    data = json.loads(path.read_text("utf-8"))
    for where, value in strings(data):
        assert "—" not in value, f"{where}: {value!r}"
        assert not DOUBLED.search(value), f"{where}: {value!r}"
        if " " in value.strip() and len(value.split()) > 6:  # a sentence, not an award name
            for old in OLD_NAMES:
                assert old not in value, f"{where}: {value!r}"


def test_wording_data_has_no_em_dash():
    """The content blocks vanban inserts (per family) and the vocabulary's printed names."""
    for path in sorted((ROOT / "content_blocks").glob("*.docx")):
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        assert "—" not in "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)), path.name
    for award in VOCAB["khen_thuong"]:
        assert "—" not in award["ten"], award["id"]
