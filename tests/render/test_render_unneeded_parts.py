"""What a produced document does without (issue 21, item 4: the bytes a batch moves).

Word sources start from python-docx's blank document, which carries Word 2010's second copy of
the styles (``word/stylesWithEffects.xml``, 438 KB), a preview picture of the blank page
(``docProps/thumbnail.jpeg``) and 100 table styles (340 KB of the 352 KB ``styles.xml``). Every
document carried all of them: 44.5 KB for the report, 45 MB for a batch of 1,000. Compiling a
template now leaves them out (:func:`vanban.render.parts.drop_unneeded`); a table style that a
table uses stays, with the styles it is based on.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from lxml import etree

import vanban
from conftest import FIXTURES, fixture_data
from vanban.ooxml import validate_docx
from vanban.render import engine
from vanban.render.compile import compile_template
from vanban.render.parts import Package, drop_unneeded
from vanban.templates import builtin_templates_dir, content_blocks_dir

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
DECL = f'xmlns:w="{W_NS}"'
BUILTIN = sorted(p.name for p in builtin_templates_dir().iterdir()
                 if (p / "example.json").is_file())


def _parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _table_styles(parts: dict[str, bytes]) -> set[str]:
    root = etree.fromstring(parts["word/styles.xml"])
    return {s.get(f"{W}styleId") for s in root.iter(f"{W}style")
            if s.get(f"{W}type") == "table"}


def _declared_parts_exist(parts: dict[str, bytes]) -> None:
    """Every content type override names a part that is there, and every part has a content
    type (dangling relationships are :func:`validate_docx`'s check)."""
    types = etree.fromstring(parts["[Content_Types].xml"])
    for o in types.iter(f"{CT}Override"):
        assert o.get("PartName").lstrip("/") in parts, o.get("PartName")
    defaults = {d.get("Extension") for d in types.iter(f"{CT}Default")}
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(f"{CT}Override")}
    for name in parts:
        if name != "[Content_Types].xml":
            assert name in overrides or name.rsplit(".", 1)[-1] in defaults, name


@pytest.fixture(scope="module")
def examples() -> dict[str, bytes]:
    return {tid: vanban.pipeline.run(
        tid, (builtin_templates_dir() / tid / "example.json").read_bytes()).docx
        for tid in BUILTIN}


def test_every_builtin_template_is_covered():
    assert len(BUILTIN) >= 11


@pytest.mark.parametrize("template_id", BUILTIN)
def test_documents_carry_neither_word_2010_styles_nor_the_blank_page_picture(
        examples, template_id):
    parts = _parts(examples[template_id])
    assert "word/stylesWithEffects.xml" not in parts
    assert "docProps/thumbnail.jpeg" not in parts
    assert not any(b"stylesWithEffects" in parts[n] or b"thumbnail" in parts[n]
                   for n in parts if n.endswith((".rels", "].xml")))
    _declared_parts_exist(parts)
    assert validate_docx(examples[template_id]) == []  # relationships resolve, schema


@pytest.mark.parametrize("template_id", BUILTIN)
def test_only_the_default_table_style_is_left_when_no_table_names_one(examples, template_id):
    parts = _parts(examples[template_id])
    assert _table_styles(parts) == {"TableNormal"}
    assert len(parts["word/styles.xml"]) < 60_000  # 352 KB before


def test_the_report_is_half_its_former_size(examples):
    # 44,547 bytes before this change (styles 12.5 KB + 13.6 KB + picture 1.5 KB, deflated)
    assert len(examples["bao-cao-thi-dua"]) < 30_000


def _body_with_styled_table(folder: Path, style: str) -> Path:
    """A body whose one table names ``style`` (a style of python-docx's blank document, which
    the body's own styles part also holds)."""
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Đơn vị"
    table.cell(0, 1).text = "{{ co_quan.ten }}"
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(f"{W}tblStyle"):
        tbl_pr.remove(old)
    tbl_pr.insert(0, parse_xml(f'<w:tblStyle {DECL} w:val="{style}"/>'))
    path = folder / "template.docx"
    doc.save(path)
    return path


def _render_body(body: Path, key: str) -> bytes:
    data = fixture_data(next(n for n in FIXTURES if n.startswith("nha-nuoc")))
    env = vanban.pipeline.validate("bao-cao-thi-dua", data)
    ctx = vanban.pipeline.context("bao-cao-thi-dua", env)
    compiled = compile_template(key, content_blocks_dir() / "nha-nuoc.docx", body)
    return engine.render(compiled, ctx)


def test_a_table_style_in_use_stays_with_what_it_is_based_on(tmp_path):
    docx = _render_body(_body_with_styled_table(tmp_path, "LightGrid-Accent1"), "slim/used")
    parts = _parts(docx)
    styles = etree.fromstring(parts["word/styles.xml"])
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    kept = _table_styles(parts)
    assert "LightGrid-Accent1" in kept and "TableNormal" in kept
    based = by_id["LightGrid-Accent1"].find(f"{W}basedOn")
    assert based is None or based.get(f"{W}val") in by_id
    assert "LightGrid-Accent2" not in kept and len(kept) <= 3
    assert b'w:tblStyle w:val="LightGrid-Accent1"' in parts["word/document.xml"]
    assert validate_docx(docx) == []


def test_a_table_style_chosen_by_a_jinja_tag_keeps_every_table_style(tmp_path):
    source = Package({"word/styles.xml": _parts(
        (content_blocks_dir() / "nha-nuoc.docx").read_bytes())["word/styles.xml"],
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/'
                               b'2006/content-types"/>'})
    before = len(_table_styles(source.to_parts()))
    tagged = parse_xml(f'<w:tbl {DECL}><w:tblPr><w:tblStyle w:val="{{{{ kieu_bang }}}}"/>'
                       "</w:tblPr></w:tbl>")
    drop_unneeded(source, [tagged])
    assert before == 100 and len(_table_styles(source.to_parts())) == before
