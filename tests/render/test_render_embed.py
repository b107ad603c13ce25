"""Every .docx carries its template id, vanban's version and the exact input (a custom XML
part, schema-valid); ``vanban reopen`` and ``POST /api/v1/reopen`` give the input back."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

import vanban
from vanban.config import reload_settings
from vanban.ooxml.validate import validate_docx
from vanban.render import embed
from vanban.templates import REGISTRY

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted(p for p in (ROOT / "templates_docx").glob("*/fixtures/*.json")
                  if p.parent.parent.name in REGISTRY.specs)


def test_every_template_has_fixtures_here():
    assert {p.parent.parent.name for p in FIXTURES} == set(REGISTRY.specs)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_reopen_gives_the_exact_input_of_every_fixture(path: Path):
    data = json.loads(path.read_text("utf-8"))
    docx = vanban.render(path.parent.parent.name, data)
    found = embed.read(docx)
    assert found == {"template": path.parent.parent.name, "version": vanban.__version__,
                     "data": data}


def test_the_package_stays_schema_valid_with_the_part():
    docx = vanban.render("bang-cham-diem", vanban.example("bang-cham-diem"))
    assert validate_docx(docx) == []
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        names = zf.namelist()
        props = [n for n in names if n.startswith("customXml/itemProps")
                 and embed.NS.encode() in zf.read(n)]
        assert len(props) == 1
        item = props[0].replace("itemProps", "item")
        rels = zf.read("word/_rels/document.xml.rels").decode()
        assert f'Target="../{item}"' in rels
        assert zf.read(item).decode().count(embed.NS) == 1
        types = zf.read("[Content_Types].xml").decode()
        assert f"/{props[0]}" in types


def test_text_that_looks_like_xml_survives():
    data = vanban.example("cong-van")
    data["trich_yeu"] = "Về việc <b>&amp; ]]> “trích” \\ dẫn"
    assert embed.read(vanban.render("cong-van", data))["data"] == data


def test_the_setting_turns_it_off(monkeypatch):
    monkeypatch.setenv("VANBAN_EMBED_DATA", "false")
    reload_settings()
    try:
        docx = vanban.render("cong-van", vanban.example("cong-van"))
    finally:
        monkeypatch.delenv("VANBAN_EMBED_DATA")
        reload_settings()
    with pytest.raises(vanban.InputError) as caught:
        embed.read(docx)
    assert caught.value.problems[0].code == "reopen.not-vanban"
    assert validate_docx(docx) == []


def test_a_docx_not_made_by_vanban_is_refused():
    from docx import Document

    out = io.BytesIO()
    Document().save(out)
    with pytest.raises(vanban.InputError) as caught:
        embed.read(out.getvalue())
    found = caught.value.problems[0]
    assert found.code == "reopen.not-vanban" and "không do vanban tạo" in found.message


def test_every_document_of_a_commendation_file_reopens_as_its_type():
    from vanban.ho_so import chain

    path = ROOT / "fixtures" / "ho-so-khen-thuong" / "nha-nuoc-so-noi-vu-lao-cai-2025.json"
    planned = chain.plan(json.loads(path.read_text("utf-8")))
    files = chain.render(json.loads(path.read_text("utf-8")))
    assert len(files) == len(planned) >= 4
    for doc, content in zip(planned, files.values(), strict=True):
        found = embed.read(content)
        assert found["template"] == doc.template and found["data"] == doc.data
        vanban.validate(doc.template, found["data"])
